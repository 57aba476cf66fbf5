import ArgumentParser
import LaoganCore

/// The KIND word of `import` and `export` (SPEC §4).
enum RecordKindName: String, ExpressibleByArgument, CaseIterable {
  case cadres, organizations, associations, venues, activities, treatments, contributions, honors, payments, fund
  case healthChecks = "health-checks"
  case greenCards = "green-cards"

  var kind: any RecordKind.Type {
    switch self {
    case .cadres: CadreKind.self
    case .organizations: OrganizationKind.self
    case .associations: AssociationKind.self
    case .venues: VenueKind.self
    case .activities: ActivityKind.self
    case .treatments: TreatmentKind.self
    case .contributions: ContributionKind.self
    case .honors: HonorKind.self
    case .payments: PaymentKind.self
    case .fund: FundKind.self
    case .healthChecks: HealthCheckKind.self
    case .greenCards: GreenCardKind.self
    }
  }
}
