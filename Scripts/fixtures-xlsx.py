#!/usr/bin/env python3
"""Tests/Fixtures/xlsx/KIND.xlsx: each CSV fixture saved as a workbook by a spreadsheet library (openpyxl),
the way a clerk's Excel holds it — a title row above the header, dates in date cells (as a spreadsheet
program types 2023-06-12 or 2023/6/12 on entry), amounts and counts as numbers, everything else as text.
The import of each must give exactly the records its CSV gives (WorkbookImportTests.fixturesAsWorkbooks).

    /usr/bin/python3 Scripts/fixtures-xlsx.py
"""
import csv
import datetime
import pathlib
import re

import openpyxl

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "Fixtures"
NUMBERS = {"金额", "参与人次", "受众人次", "人次", "月缴金额", "慰问金额"}
DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")


def typed(header, text):
    if header.endswith("日期") or header == "日期":
        match = DATE.match(text)
        if match:
            return datetime.date(*(int(part) for part in match.groups()))
    if header in NUMBERS and re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text) if "." in text else int(text)
    return text if text else None


def main():
    (FIXTURES / "xlsx").mkdir(exist_ok=True)
    for source in sorted(FIXTURES.glob("*.csv")):
        raw = source.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030")
        rows = list(csv.reader(text.splitlines()))
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "数据"
        sheet.append([f"{source.stem}（由 CSV 另存）"])
        sheet.append(rows[0])
        for row in rows[1:]:
            cells = [typed(header, value) for header, value in zip(rows[0], row)]
            sheet.append(cells)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, datetime.date):
                    cell.number_format = "yyyy/m/d"
        book.save(FIXTURES / "xlsx" / f"{source.stem}.xlsx")


if __name__ == "__main__":
    main()
