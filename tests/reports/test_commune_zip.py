"""A commune's printouts in one zip: per area the Form 31 and Form 10 PDFs, one workbook for all."""

from __future__ import annotations

import io
import zipfile

from openpyxl import load_workbook
from samples import voter_list

from baucu.reports.bundle import commune_lists_zip


def test_zip_holds_every_areas_list_and_cards_and_one_workbook() -> None:
    archive = zipfile.ZipFile(io.BytesIO(commune_lists_zip([voter_list(1), voter_list(2)])))
    assert sorted(archive.namelist()) == [
        "khu-vuc-bo-phieu-01/mau-10-the-cu-tri.pdf",
        "khu-vuc-bo-phieu-01/mau-31-danh-sach-cu-tri.pdf",
        "khu-vuc-bo-phieu-02/mau-10-the-cu-tri.pdf",
        "khu-vuc-bo-phieu-02/mau-31-danh-sach-cu-tri.pdf",
        "mau-31-danh-sach-cu-tri.xlsx",
    ]
    for name in archive.namelist():
        if name.endswith(".pdf"):
            assert archive.read(name).startswith(b"%PDF-")
    book = load_workbook(io.BytesIO(archive.read("mau-31-danh-sach-cu-tri.xlsx")))
    assert book.sheetnames == ["KVBP 1", "KVBP 2"]


def test_worker_processes_give_the_same_files() -> None:
    lists = [voter_list(1), voter_list(2)]
    serial = zipfile.ZipFile(io.BytesIO(commune_lists_zip(lists, workers=1)))
    parallel = zipfile.ZipFile(io.BytesIO(commune_lists_zip(lists, workers=2)))
    assert serial.namelist() == parallel.namelist()
    for name in serial.namelist():
        if name.endswith(".pdf"):
            assert len(serial.read(name)) > 0
            assert parallel.read(name).startswith(b"%PDF-")
