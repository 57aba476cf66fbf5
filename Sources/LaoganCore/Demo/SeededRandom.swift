import LaoganModel

/// SplitMix64: a small, fast generator whose sequence depends only on its seed, so that `laogan demo --seed N`
/// builds the same prefecture on every machine.
package struct SeededRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A value picked with the given weights.
  mutating func weighted<T>(_ choices: [(T, Int)]) -> T {
    let total = choices.reduce(0) { $0 + $1.1 }
    var pick = Int.random(in: 0..<total, using: &self)
    for (value, weight) in choices {
      if pick < weight { return value }
      pick -= weight
    }
    return choices[0].0
  }

  /// A day between two days, both included.
  mutating func day(from: CalendarDate, to: CalendarDate) -> CalendarDate {
    CalendarDate(dayNumber: Int.random(in: from.dayNumber...to.dayNumber, using: &self)) ?? from
  }

  /// `count` distinct indexes below `limit`, in increasing order.
  mutating func sample(_ count: Int, below limit: Int) -> [Int] {
    var picked = Set<Int>()
    while picked.count < min(count, limit) { picked.insert(Int.random(in: 0..<limit, using: &self)) }
    return picked.sorted()
  }
}
