import Foundation
import Synchronization

extension Array where Element: Sendable {
  /// `transform` over every element on this machine's cores, the results in the elements' order, or the first
  /// error in that order. `done` is told how many have finished as each one does (under a lock, so its counts
  /// arrive in order). For work worth a thread an element: a merged report's files, a long table's halves.
  package func concurrentMap<T: Sendable, Failure: Error>(
    _ transform: @Sendable (Element) throws(Failure) -> T, done: (@Sendable (_ finished: Int) -> Void)? = nil
  ) throws(Failure) -> [T] {
    let results = Mutex<(slots: [Result<T, Failure>?], finished: Int)>(
      ([Result<T, Failure>?](repeating: nil, count: count), 0))
    DispatchQueue.concurrentPerform(iterations: count) { index in
      let result = Result { () throws(Failure) -> T in try transform(self[index]) }
      results.withLock {
        $0.slots[index] = result
        $0.finished += 1
        done?($0.finished)
      }
    }
    // concurrentPerform returns once every index has run, so every slot is filled.
    var values: [T] = []
    for slot in results.withLock({ $0.slots }) {
      if let slot { values.append(try slot.get()) }
    }
    return values
  }
}

extension Range<Int> {
  /// The range cut into `parts` consecutive pieces of nearly equal length (fewer when it is shorter).
  package func split(into parts: Int) -> [Range<Int>] {
    let parts = Swift.max(1, Swift.min(parts, count))
    return (0..<parts).map { part in
      (lowerBound + count * part / parts)..<(lowerBound + count * (part + 1) / parts)
    }
  }
}
