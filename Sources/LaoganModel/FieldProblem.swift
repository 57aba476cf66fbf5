/// One field that cannot be accepted, with the value as typed and the reason in the clerk's words.
public struct FieldProblem: Error, Equatable, Sendable, CustomStringConvertible {
  /// The field's Chinese label, as the spreadsheet header names it.
  public let field: String
  public let value: String
  public let reason: String

  public init(field: String, value: String, reason: String) {
    self.field = field
    self.value = value
    self.reason = reason
  }

  public var description: String {
    value.isEmpty ? "\(field): \(reason)" : "\(field): \(value) — \(reason)"
  }
}

/// Several problems at once, so that a clerk fixes a record in one go rather than one field per try.
public struct FieldProblems: Error, Equatable, Sendable {
  public let problems: [FieldProblem]

  /// Every stored property, as the memberwise initializer has them: for the layers above the model.
  package init(
    problems: [FieldProblem]
  ) {
    self.problems = problems
  }
}
