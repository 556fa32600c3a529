extension Strings {
    public func g(_ k: G) -> String { text(k) }

    /// The login and lock screen.
    public enum G: Localized {
        case keyIsFor, loginTitle, userID, password, name, sector, loginHint, demoHint, firstAdminTitle, firstAdminHint
        case lockedTitle, lockedHint, unlockHint, wrongLogin, loading

        public var pair: (da: String, en: String) {
            switch self {
            case .keyIsFor: return ("Kun SSH-nøglens ejer logger ind her:", "Only the SSH key's holder logs in here:")
            case .loginTitle: return ("Log ind", "Log in")
            case .userID: return ("Bruger-id", "User id")
            case .password: return ("Adgangskode", "Password")
            case .name: return ("Navn", "Name")
            case .sector: return ("Fagområde", "Sector")
            case .loginHint: return ("Enter: log ind · Tab: næste felt · Esc: afslut", "Enter: log in · Tab: next field · Esc: quit")
            case .demoHint: return ("Demo: alle demobrugere (fx mette, karen) har adgangskoden \"demo\".", "Demo: every demo user (e.g. mette, karen) has the password \"demo\".")
            case .firstAdminTitle: return ("Ingen brugere endnu: opret den første administrator", "No users yet: create the first administrator")
            case .firstAdminHint: return ("Udfyld felterne og tryk Enter. Fagområde: employment, social, health, family eller misuse.", "Fill in the fields and press Enter. Sector: employment, social, health, family or misuse.")
            case .lockedTitle: return ("Skærmen er låst", "The screen is locked")
            case .lockedHint: return ("låste skærmen. Skriv adgangskoden for at låse op, eller skift bruger-id for at logge ind som en anden.", "locked the screen. Type the password to unlock, or change the user id to log in as someone else.")
            case .unlockHint: return ("Enter: lås op · Tab: skift felt", "Enter: unlock · Tab: next field")
            case .wrongLogin: return ("Forkert bruger-id eller adgangskode.", "Wrong user id or password.")
            case .loading: return ("Indlæser borgerne …", "Loading the citizens …")
            }
        }
    }
}
