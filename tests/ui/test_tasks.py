"""Background tasks: results, errors and Cancel come back on the GUI thread."""

import threading
import time

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget

from models.errors import UserError
from models.progress import Cancelled
from ui.tasks import TaskRunner, is_cancelled


def test_result_arrives_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    seen = {}

    def work(progress, cancel):
        seen["worker"] = threading.get_ident()
        progress(1, 2, "half")
        return 42

    task = runner.run(work)
    with qtbot.waitSignal(task.done, timeout=5000) as blocker:
        pass
    assert blocker.args == [42]
    assert seen["worker"] != threading.get_ident()
    assert QThread.currentThread() is QApplication.instance().thread()


def test_a_user_error_is_delivered_not_raised(qtbot):
    runner = TaskRunner()

    def work(progress, cancel):
        raise UserError("the file is empty")

    task = runner.run(work)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert str(blocker.args[0]) == "the file is empty"


def test_cancel_stops_the_work_and_reports_cancelled(qtbot):
    runner = TaskRunner()
    steps = []

    def work(progress, cancel):
        for i in range(500):
            cancel.check()
            steps.append(i)
            time.sleep(0.01)
        return "finished"

    task = runner.run(work)
    qtbot.waitUntil(lambda: len(steps) > 3, timeout=5000)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        task.cancel()
    assert is_cancelled(blocker.args[0])
    assert isinstance(blocker.args[0], Cancelled)
    assert len(steps) < 500


def test_tasks_run_one_at_a_time(qtbot):
    runner = TaskRunner()
    active, overlaps = [0], []

    def work(progress, cancel):
        active[0] += 1
        overlaps.append(active[0])
        time.sleep(0.05)
        active[0] -= 1

    tasks = [runner.run(work) for _ in range(4)]
    qtbot.waitUntil(lambda: not any(t.running for t in tasks), timeout=5000)
    assert overlaps == [1, 1, 1, 1]


@pytest.mark.parametrize("cancellable", [True, False])
def test_progress_dialog_follows_the_work_and_closes(qtbot, cancellable):
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner()
    release = threading.Event()

    def work(progress, cancel):
        progress(3, 10, "row 3")
        release.wait(5)
        return "ok"

    task = runner.run(work, progress_parent=parent, label="Importing", cancellable=cancellable)
    release.set()
    with qtbot.waitSignal(task.done, timeout=5000):
        pass
