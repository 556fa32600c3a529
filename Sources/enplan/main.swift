import Foundation
import Glibc

// enplan [--data-dir DIR] COMMAND …   Exit: 0 success, 1 failure found or refused, 2 bad usage or input.
FullScreen.ensureUTF8Locale()
exit(CLI.run(Array(CommandLine.arguments.dropFirst())))
