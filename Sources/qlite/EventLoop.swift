import QEval
import QIPC
import QValues

#if canImport(Glibc)
  import Glibc
#endif

/// The process's one event loop, on the interpreter thread: stdin, the timer, the
/// listening socket and every IPC connection are watched by the same poll.
final class EventLoop {
  let hub: IPCHub

  init(interpreter: Interpreter) {
    hub = IPCHub(interpreter)
    EventLoop.current = hub
    // Async messages queued by the last lines still go out when the process exits.
    atexit { EventLoop.current?.flushBeforeExit() }
  }

  nonisolated(unsafe) static var current: IPCHub?

  /// Serve sockets and the timer until stdin has input.
  func waitForStdin() {
    while !hub.waitForStdin() { Interpreter.interruptRequested = false }
  }

  /// The terminal's wait: true when a key is ready, false when Ctrl-C interrupted it.
  /// `afterEvents` runs after each round of other events, so output they printed above
  /// the prompt is followed at once by a redraw of the line being typed.
  func waitForTerminal(afterEvents: () -> Void = {}) -> Bool {
    while true {
      if hub.waitForStdin() { return true }
      afterEvents()
      if Interpreter.interruptRequested {
        Interpreter.interruptRequested = false
        return false
      }
    }
  }

  /// Handle whatever is ready now, without waiting (between console lines).
  func serviceReady() {
    hub.pollOnce(timeoutMs: 0, stdin: false)
  }

  /// stdin has ended: a process that listens or holds connections goes on serving.
  func afterInputEnds() {
    hub.serveUntilIdle()
  }
}
