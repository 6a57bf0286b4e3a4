"""The budget of one document: how much text, and how many seconds of each per-document stage.

A document over budget is reported (naming its source and the limit) and skipped; it never holds up
the run. Two limits enforce the time budget, because neither covers every case alone:

- ``time_limit`` is a timer (SIGALRM) in the process doing the work, a worker process or this one:
  when it fires, the stage gets an ``OverBudget`` exception at the next Python instruction, and the
  document is reported like any document a stage failed on. It costs nothing, keeps the worker and
  its loaded model, and interrupts pure-Python loops and regular expressions.
- native code that never returns to the interpreter (a parser stuck in C) does not see the timer; for
  that the pipeline waits for a worker's task only ``hard_seconds`` and then stops the worker (see
  ``pipeline.process_stored``), as it does when a worker dies.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass


class OverBudget(BaseException):
    """A document took longer than its time budget in one stage. A BaseException, like
    KeyboardInterrupt: the stages' own guards (``except Exception``, which keep one failing part of a
    stage from costing the others) must not swallow it and go on with the clock stopped."""


@dataclass(frozen=True, slots=True)
class Budget:
    # seconds of one stage (cleaning; NLP; facts) on one document. The slowest real article we know
    # takes under 2 s in each; a minute is room for a slow machine, not for a pathological input.
    seconds: float = 60.0
    # characters of cleaned text. The longest news article we have seen is about 120,000 characters;
    # a text several times that is a dump, a book or a page that is not an article.
    chars: int = 500_000

    def hard_seconds(self, documents: int) -> float:
        """How long a worker may hold a task of ``documents`` documents before it is stopped: each
        document's budget in each stage, and a margin for starting the worker."""
        return 2 * self.seconds * max(documents, 1) + 60.0


NO_BUDGET = Budget(seconds=0, chars=0)


@contextmanager
def time_limit(seconds: float, what: str = "document"):
    """Raise OverBudget in this block once ``seconds`` have passed (no limit for 0, or off the main
    thread, where Python delivers no signals)."""
    if not seconds or seconds <= 0 or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    armed = [True]  # the timer can fire between the block's end and its cancellation: then it is late

    def expire(signum, frame):
        if armed[0]:
            raise OverBudget(f"over the time budget: {what} took more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
