"""A commune's printouts in one zip: per voting area the Form 31 list and the Form 10 cards (PDF), and
one workbook with a Form 31 sheet per area.

WeasyPrint lays out text in Python (about 50 ms per voter card on this hardware), so a commune of
several thousand voters takes minutes on one core. The areas' PDFs are independent files, so a large
commune renders them in worker processes, one per core; a small one stays in-process (starting a
worker costs about a second).
"""

from __future__ import annotations

import io
import multiprocessing
import os
import zipfile
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed

from baucu.reports.documents import VoterList
from baucu.reports.voter_card import voter_cards_pdf
from baucu.reports.voter_list import voter_list_pdf, voter_list_xlsx

LIST_PDF = "mau-31-danh-sach-cu-tri.pdf"
CARDS_PDF = "mau-10-the-cu-tri.pdf"
WORKBOOK = "mau-31-danh-sach-cu-tri.xlsx"
PARALLEL_FROM_VOTERS = 2_000  # below this, worker start-up costs more than it saves


def area_folder(area_number: int) -> str:
    return f"khu-vuc-bo-phieu-{area_number:02d}"


def _start_worker() -> None:
    # "spawn" starts a fresh interpreter (a forked one would share the parent's database sockets);
    # the renderers need Django's template engine, nothing else.
    import django

    django.setup()


def _executor(workers: int) -> Executor:
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker)


def _default_workers(voter_lists: Sequence[VoterList]) -> int:
    voters = sum(len(v.lines) for v in voter_lists)
    if voters < PARALLEL_FROM_VOTERS or len(voter_lists) < 2:
        return 1
    return max(1, min(os.cpu_count() or 1, len(voter_lists)))


Progress = Callable[[int, int], None]  # (files done, files in all)


def _no_progress(done: int, total: int) -> None:
    pass


def commune_lists_zip(
    voter_lists: Sequence[VoterList], *, workers: int | None = None, progress: Progress = _no_progress
) -> bytes:
    """The zip; ``workers`` processes render the PDFs (default: one per core for a large commune).

    ``progress(done, total)`` is called as the files are rendered (two PDFs per area and the workbook).
    """
    workers = _default_workers(voter_lists) if workers is None else workers
    jobs: list[tuple[str, Callable[[VoterList], bytes], VoterList]] = []
    for voter_list in voter_lists:
        folder = area_folder(voter_list.place.area_number)
        jobs.append((f"{folder}/{LIST_PDF}", voter_list_pdf, voter_list))
        jobs.append((f"{folder}/{CARDS_PDF}", voter_cards_pdf, voter_list))
    total = len(jobs) + 1
    progress(0, total)
    if workers > 1:
        with _executor(workers) as pool:
            futures = [pool.submit(render, data) for _, render, data in jobs]
            for done, _ in enumerate(as_completed(futures), start=1):
                progress(done, total)
            files = [future.result() for future in futures]
    else:
        files = []
        for done, (_, render, data) in enumerate(jobs, start=1):
            files.append(render(data))
            progress(done, total)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for (name, _, _), content in zip(jobs, files, strict=True):
            archive.writestr(name, content)
        archive.writestr(WORKBOOK, voter_list_xlsx(voter_lists))
    progress(total, total)
    return out.getvalue()
