"""Benchmark: the printed forms of one voting area (docs/performance.md, "Printouts").

Renders Form 10 (voter cards, A6, a page per voter) and Form 31 (voter list, A4 landscape) for
``--voters`` synthetic voters (default 1,500; no database: the renderers take dataclasses), each
against its baseline side by side, alternating, ``--runs`` times, and prints the medians and ratios:

- cards: the previous renderer (every card laid out in full by WeasyPrint, ``stamp=False``) against
  the stamped cards (the card laid out once, the values stamped on each page);
- list: one rendering of Form 31 (not cached) against a second download of the same list (served from
  the file store);
- cards, second download: the same, from the file store.

With poppler's ``pdftoppm`` it also checks that the stamped cards are pixel-identical to the baseline
on every page (at 40 dpi), so a speed-up never comes from printing something else.

    .venv/bin/python bench/printouts.py [--voters 1500] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from baucu.reports.documents import VoterList

SURNAMES = ["Nguyễn", "Hoàng", "Lường", "Vi", "Lương", "Nông", "Hà", "Triệu", "Đặng", "Lý"]
MIDDLE = ["Văn", "Thị", "Đức", "Thu", "Ngọc", "Quốc"]
GIVEN = ["Ánh", "Đức", "Thuỷ", "Tuấn", "Hương", "Dũng", "Nguyệt", "Khải", "Yến", "Phượng"]
HAMLETS = ["Khối 5, phường Kỳ Lừa", "Thôn Nà Pàn, xã Tân Văn", "Bản Chu, xã Văn Lãng"]


def setup(store: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "baucu.settings")
    os.environ.setdefault("BAUCU_VAR_DIR", str(store / "var"))
    os.environ["BAUCU_FILE_STORE"] = str(store / "files")
    import django

    django.setup()


def area(voters: int) -> VoterList:
    from baucu.reports.documents import Place, VoterLine, VoterList

    place = Place(
        election_name="Bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp "
        "nhiệm kỳ 2026–2031",
        area_number=7,
        commune_name="Phường Kỳ Lừa",
        province_name="Tỉnh Lạng Sơn",
        commune_short_name="Kỳ Lừa",
        polling_place="Nhà văn hóa khối 5",
        election_year=2026,
    )
    lines = [
        VoterLine(
            seq=i + 1,
            full_name=f"{SURNAMES[i % 10]} {MIDDLE[i % 6]} {GIVEN[(i // 10) % 10]}",
            birth_date=None if i % 17 == 0 else dt.date(1940 + i % 68, 1 + i % 12, 1 + i % 28),
            birth_year=1940 + i % 68,
            is_male=i % 2 == 0,
            personal_id=f"020{i % 100:03d}{i:06d}",
            ethnicity=["Tày", "Nùng", "Kinh", "Dao"][i % 4],
            permanent_residence=HAMLETS[i % 3],
            note="Bỏ phiếu ở nơi khác" if i % 250 == 249 else "",
            votes_here=i % 250 != 249,
        )
        for i in range(voters)
    ]
    return VoterList(place=place, lines=lines)


def timed(render: Callable[[], bytes]) -> tuple[float, bytes]:
    started = time.perf_counter()
    pdf = render()
    return time.perf_counter() - started, pdf


def same_pages(one: bytes, other: bytes) -> str:
    if shutil.which("pdftoppm") is None:
        return "not checked (no pdftoppm)"
    from PIL import Image, ImageChops

    with tempfile.TemporaryDirectory() as folder:
        for name, pdf in (("a", one), ("b", other)):
            (Path(folder) / f"{name}.pdf").write_bytes(pdf)
            subprocess.run(
                ["pdftoppm", "-png", "-r", "40", f"{folder}/{name}.pdf", f"{folder}/{name}"], check=True
            )
        a, b = sorted(Path(folder).glob("a-*.png")), sorted(Path(folder).glob("b-*.png"))
        if len(a) != len(b):
            return f"DIFFERENT page counts {len(a)} / {len(b)}"
        differ = []
        for page, (x, y) in enumerate(zip(a, b, strict=True), start=1):
            with Image.open(x) as p, Image.open(y) as q:
                if ImageChops.difference(p.convert("L"), q.convert("L")).getbbox() is not None:
                    differ.append(page)
        return f"{len(a)} pages, identical" if not differ else f"pages DIFFER: {differ[:10]}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--voters", type=int, default=1_500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="baucu-bench-printouts-") as folder:
        setup(Path(folder))
        from baucu.reports.voter_card import voter_cards_pdf
        from baucu.reports.voter_list import voter_list_pdf

        data = area(args.voters)
        voter_cards_pdf(area(3), use_cache=False)  # warm up: WeasyPrint, pango, fonts
        rows: dict[str, list[float]] = {k: [] for k in ("cards0", "cards1", "cards2", "list1", "list2")}
        baseline = stamped = b""
        for run in range(args.runs):
            seconds, baseline = timed(lambda: voter_cards_pdf(data, stamp=False, use_cache=False))
            rows["cards0"].append(seconds)
            seconds, stamped = timed(lambda: voter_cards_pdf(data, use_cache=False))
            rows["cards1"].append(seconds)
            shutil.rmtree(Path(folder) / "files", ignore_errors=True)
            voter_cards_pdf(data)
            rows["cards2"].append(timed(lambda: voter_cards_pdf(data))[0])
            rows["list1"].append(timed(lambda: voter_list_pdf(data, use_cache=False))[0])
            voter_list_pdf(data)
            rows["list2"].append(timed(lambda: voter_list_pdf(data))[0])
            print(f"run {run + 1}: " + ", ".join(f"{k} {v[-1]:.3f} s" for k, v in rows.items()), flush=True)
        median = {k: statistics.median(v) for k, v in rows.items()}
        print(f"\n{args.voters:,} voters, {args.runs} runs, load average {os.getloadavg()[0]:.1f}")
        print(f"Form 10 cards, every card laid out (baseline): {median['cards0']:.2f} s")
        print(f"Form 10 cards, stamped:                        {median['cards1']:.2f} s "
              f"({median['cards0'] / median['cards1']:.1f}x faster)")  # fmt: skip
        print(f"Form 10 cards, second download (file store):   {median['cards2']:.3f} s")
        print(f"Form 31 list, rendered:                        {median['list1']:.2f} s")
        print(f"Form 31 list, second download (file store):    {median['list2']:.3f} s")
        print(f"stamped cards against the baseline: {same_pages(baseline, stamped)}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
