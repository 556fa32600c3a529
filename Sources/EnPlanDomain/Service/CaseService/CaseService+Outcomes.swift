// The youth measure's target group as it is set (no personal data: any active user may read it).
// Outcomes and own assessments are read with the citizen (`citizen(_:as:)`, redacted by `Access`).
extension CaseService {
    public var youthTargetGroup: YouthTargetGroup? { store.projection.youthTargetGroup }
}
