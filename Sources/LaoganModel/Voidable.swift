/// A record entered by mistake is voided with a reason rather than deleted (SPEC §3).
public protocol Voidable {
  var voidedReason: String? { get set }
}

extension Cadre: Voidable {}
extension PartyOrganization: Voidable {}
extension Officer: Voidable {}
extension DuesStandard: Voidable {}
extension Pension: Voidable {}
extension Meeting: Voidable {}
extension DuesPayment: Voidable {}
extension Transfer: Voidable {}
extension HospitalStay: Voidable {}
extension Permit: Voidable {}
extension Trip: Voidable {}
extension Term: Voidable {}
extension Course: Voidable {}
extension Enrolment: Voidable {}
extension FamilyMember: Voidable {}
extension Association: Voidable {}
extension Venue: Voidable {}
extension Activity: Voidable {}
extension TreatmentEvent: Voidable {}
extension Contribution: Voidable {}
extension Honor: Voidable {}
