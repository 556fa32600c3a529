/// Fælles Sprog III's domains for assessing mastery (egenmestring): a score is recorded against
/// one of these, picked from the list and never typed, so one domain's scores form one series
/// (DANISH-RULES.md, "Self-management assessment").
public enum FSIII {
    public static let domains = [
        "Arbejdsevne", "Mestring", "Motivation", "Netværk", "Egenomsorg", "Praktiske opgaver", "Mobilitet",
        "Mentale funktioner", "Samfundsliv", "Sundhed", "Bolig", "Økonomi",
    ]
}
