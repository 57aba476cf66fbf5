"""A million payments (or ROWS) for the cadres of a roster (laogan's export of cadres, CSV): the file the
benchmarks import. Items that do not draw on the hardship fund; the same file for the same roster (seeded).

    python3 Benchmarks/payments.py cadres.csv payments.csv [ROWS]
"""
import csv
import random
import sys

random.seed(7)
with open(sys.argv[1], encoding="utf-8-sig") as f:
    ids = [row["身份证号"] for row in csv.DictReader(f)]
items = ["医疗补助费", "特需费", "生活费", "高龄补贴"]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("身份证号,项目,所属月份,金额\n")
    for i in range(int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000):
        out.write(f"{random.choice(ids)},{random.choice(items)},{2024 + i % 2}-{1 + i % 12:02d},{random.randint(100, 99999) / 100:.2f}\n")
