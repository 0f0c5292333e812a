"""The three contests of a general election: National Assembly, provincial and commune councils.

Under the two-level local government (Law 72/2025 Art. 1) there is no district council; a voting area
serves all three contests with one Team and three ballots (Art. 11(1)).
"""

from __future__ import annotations

from enum import StrEnum


class Contest(StrEnum):
    NA = "na"  # Quốc hội
    PROVINCIAL = "provincial"  # Hội đồng nhân dân cấp tỉnh
    COMMUNE = "commune"  # Hội đồng nhân dân cấp xã
