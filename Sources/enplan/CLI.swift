import EnPlanDomain
import Foundation

enum CLI {
    static let usage = """
    EnPlan: one responsible caseworker, one unified plan, fewer meetings.

    Usage: enplan [--data-dir DIR] [COMMAND] [OPTIONS]

      enplan [--theme NAME] [--lang da|en]   the full-screen interface on the data directory
      enplan --demo                      the same on the demo store ($XDG_DATA_HOME/enplan-demo), created first
      enplan demo [--citizens N] [--seed S]   fill an empty store with fictional data (password: demo)
      enplan verify                      check every line of every file; FILE:LINE: reason on damage
      enplan users [--json]
      enplan user add --as ADMIN --id ID --name NAME --sector SECTOR --role ROLE   (password on stdin)
      enplan user passwd --as USER [--user ID]                                     (password on stdin)
      enplan user deactivate|activate --as ADMIN --user ID
      enplan benefits [--json]
      enplan citizens --as USER [--json]
      enplan citizen add --as USER --cpr DDMMYY-SSSS --name NAME [--benefit CODE] [--responsible USER]
      enplan citizen show --as USER --citizen ID [--reason TEXT] [--json]
      enplan contact --as USER --citizen ID --channel phone|meeting|letter|digital [--note TEXT] [--expect-version N]
      enplan consent give --as USER --citizen ID --sectors employment,social,…
      enplan plan create --as USER --citizen ID --goal employment|education [--words TEXT]
      enplan plan apply --as USER --citizen ID --template ID [--start DATE]   add a template's goals, efforts, follow-ups
      enplan plan export --as USER --citizen ID [--format text|markdown] [--lang da|en]   the plan for the citizen, on stdout
      enplan templates [--json]          the plan templates (--json: the format template import reads)
      enplan template import --as SUPERVISOR FILE.json   define templates (one object or an array; same id replaces)
      enplan journey --as USER --citizen ID [--sector S] [--kind K] [--lang da|en] [--json]   the citizen's journey
      enplan effort add --as USER --citizen ID --title T --sector S --basis "SEL § 85" --provider P [--start DATE] [--end DATE]
      enplan followup add --as USER --citizen ID --due DATE
      enplan followup done --as USER --citizen ID --followup ID --result continue|change|end|reassess [--note TEXT]
      enplan meetings --as USER [--user U | --citizen ID | --room R] [--from DATE] [--to DATE] [--json]
      enplan meeting add --as USER --type network|followup|roundtable|rehab|other [--citizen ID] --start YYYY-MM-DDTHH:MM
                         --minutes N --participants u1,u2 [--partner "Name, Org"] [--room R] [--agenda f1,e2] [--allow-conflict]
      enplan meeting outcome --as USER --meeting ID --status held|cancelled|noshow [--note TEXT] [--complete continue|change|end|reassess]
      enplan meeting free --as USER --participants u1,u2 --minutes N [--room R] [--after DATE]
      enplan calendar export --as USER [--user U | --citizen ID | --room R] --from DATE --to DATE   (iCalendar on stdout)
      enplan log --as USER --citizen ID [--reason TEXT] [--json]
      enplan audit --as USER [--citizen ID] [--json]
      enplan snapshot                    write the projection cache now (it is also written by itself)
      enplan stress --as USER --citizen ID --count N   append N contacts, printing "SEQ HASH" of each once durable
                                         (for the crash and concurrency tests)

    Dates: dd-mm-yyyy, yyyy-mm-dd, today, +3d, +2w. Data directory: --data-dir, else $ENPLAN_DATA,
    else $XDG_DATA_HOME/enplan (~/.local/share/enplan).
    """

    static func run(_ argv: [String]) -> Int32 {
        do {
            var args = try Arguments(argv)
            if args.flag("help") || args.words.first == "help" { print(usage); return 0 }
            let demo = args.flag("demo")
            let dir = Context.dataDirectory(args.optional("data-dir"), demo: demo)
            let words = args.words
            guard let first = words.first else {
                return try Commands.open(dir, &args, demo: demo)
            }
            let second = words.count > 1 ? words[1] : nil
            switch (first, second) {
            case ("demo", nil): return try Commands.demo(dir, &args)
            case ("verify", nil): return try Commands.verify(dir, &args)
            case ("users", nil): return try Commands.users(dir, &args)
            case ("user", "add"): return try Commands.userAdd(dir, &args)
            case ("user", "passwd"): return try Commands.userPasswd(dir, &args)
            case ("user", "deactivate"): return try Commands.userActive(dir, &args, active: false)
            case ("user", "activate"): return try Commands.userActive(dir, &args, active: true)
            case ("benefits", nil): return try Commands.benefits(dir, &args)
            case ("citizens", nil): return try Commands.citizens(dir, &args)
            case ("citizen", "add"): return try Commands.citizenAdd(dir, &args)
            case ("citizen", "show"): return try Commands.citizenShow(dir, &args)
            case ("contact", nil): return try Commands.contact(dir, &args)
            case ("consent", "give"): return try Commands.consentGive(dir, &args)
            case ("plan", "create"): return try Commands.planCreate(dir, &args)
            case ("plan", "apply"): return try PlanCommands.apply(dir, &args)
            case ("plan", "export"): return try PlanCommands.export(dir, &args)
            case ("templates", nil): return try PlanCommands.templates(dir, &args)
            case ("template", "import"): return try PlanCommands.templateImport(dir, &args)
            case ("journey", nil): return try PlanCommands.journey(dir, &args)
            case ("effort", "add"): return try Commands.effortAdd(dir, &args)
            case ("followup", "add"): return try Commands.followUpAdd(dir, &args)
            case ("followup", "done"): return try Commands.followUpDone(dir, &args)
            case ("meetings", nil): return try MeetingCommands.list(dir, &args)
            case ("meeting", "add"): return try MeetingCommands.add(dir, &args)
            case ("meeting", "free"): return try MeetingCommands.free(dir, &args)
            case ("meeting", "outcome"): return try MeetingCommands.outcome(dir, &args)
            case ("calendar", "export"): return try MeetingCommands.export(dir, &args)
            case ("log", nil): return try Commands.log(dir, &args)
            case ("audit", nil): return try Commands.audit(dir, &args)
            case ("snapshot", nil): return try Commands.snapshot(dir, &args)
            case ("stress", nil): return try Commands.stress(dir, &args)
            default:
                throw UsageError("unknown command \"\(words.joined(separator: " "))\" (enplan --help lists them)")
            }
        } catch let e as UsageError {
            Output.error(e.description); return 2
        } catch let e as DomainError {
            Output.error(e.description); return e.isBadInput ? 2 : 1
        } catch let e as StoreError {
            Output.error(e.description); return 1
        } catch {
            Output.error("\(error)"); return 1
        }
    }
}
