# make install PREFIX=/usr/local   a release binary with the Swift runtime linked in, its man page and themes
# make themes                      regenerate the built-in themes from themes/*.theme
# make man                         regenerate man/enplan.1 from the command declarations
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
RELEASE = .build/release/enplan

.PHONY: all release install uninstall themes man check

all: release

release:
	scripts/build-info.sh $(SWIFT) build -c release --static-swift-stdlib --product enplan

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/enplan/themes
	install -s -m 0755 $(RELEASE) $(DESTDIR)$(PREFIX)/bin/enplan
	install -m 0644 man/enplan.1 $(DESTDIR)$(PREFIX)/share/man/man1/enplan.1
	install -m 0644 themes/*.theme $(DESTDIR)$(PREFIX)/share/enplan/themes/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/enplan $(DESTDIR)$(PREFIX)/share/man/man1/enplan.1
	rm -rf $(DESTDIR)$(PREFIX)/share/enplan

themes:
	scripts/builtin-themes.sh

man:
	$(SWIFT) build --product enplan
	.build/debug/enplan manpage > man/enplan.1

# What the binary needs at run time: no path of the toolchain may appear.
check: release
	ldd $(RELEASE)
	! ldd $(RELEASE) | grep -q -e swift -e /usr/lib/swift
