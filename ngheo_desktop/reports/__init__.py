"""Printed assessment sheets, the commune's reports and the village meeting minutes — from plain data.

No Qt widgets and no SQL here (a test checks the Qt part): ``services.reports`` reads the store and hands
these modules household documents, results and ``ReportRow`` lists.

- ``sheet``: the A4 assessment sheet of a household, or a village's sheets in one PDF (streamed);
- ``checkcode``: the QR payload and short check code on a sheet, and checking them against the record;
- ``compute``: the office reports as tables (summary, deprivation, groups, movement, Alkire–Foster,
  trend, housing, support planning, public posting list);
- ``export``: those reports as PDF, XLSX and CSV; ``minutes``: the village meeting minutes.
"""
