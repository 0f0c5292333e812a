"""Typed audit events: one numbered code per kind of action, in bands per capability.

Codes are stable forever (they are in exported logs): add new members, never renumber or reuse.
Every member needs a Vietnamese and an English description in DESCRIPTIONS (a test checks).
"""

from __future__ import annotations

from enum import IntEnum

# (first code, last code, capability)
BANDS: list[tuple[int, int, str]] = [
    (1000, 1999, "accounts"),
    (2000, 2999, "election setup"),
    (3000, 3999, "voter registry"),
    (4000, 4999, "candidates"),
    (5000, 5999, "polling"),
    (6000, 6999, "results"),
    (7000, 7999, "complaints"),
    (8000, 8999, "personal data access"),
    (9000, 9999, "system"),
]


class AuditAction(IntEnum):
    # 1000–1999 accounts
    USER_CREATED = 1001
    ROLE_ASSIGNED = 1002
    ROLE_REVOKED = 1003
    TOTP_ENABLED = 1004
    LOGIN_SUCCEEDED = 1010
    LOGIN_FAILED = 1011
    LOGIN_LOCKED_OUT = 1012
    LOGGED_OUT = 1013
    ROLE_SWITCHED = 1014
    DEMO_TOTP_EXEMPTION_SET = 1090
    # 2000–2999 election setup
    ELECTION_CREATED = 2001
    CONTEST_CREATED = 2002
    CONTEST_UPDATED = 2003
    CONSTITUENCY_CREATED = 2010
    CONSTITUENCY_UPDATED = 2011
    NA_CONSTITUENCIES_LOADED = 2012
    VOTING_AREA_CREATED = 2020
    VOTING_AREA_UPDATED = 2021
    BODY_CREATED = 2030
    BODY_MEMBER_ADDED = 2031
    BODY_MEMBER_REMOVED = 2032
    CALENDAR_STEP_OVERRIDDEN = 2040
    LATE_ACTION_JUSTIFIED = 2041
    SETUP_IMPORTED = 2050
    SYNTHETIC_SETUP_CREATED = 2051
    # 3000–3099 voter registry: lists imported from the population database
    VOTER_LISTS_IMPORTED = 3001
    VOTER_IMPORT_FAILED = 3002
    # 3100–3299 voter-list changes after posting (Art. 29–30), certificates (Art. 34), complaints (Art. 33)
    VOTER_ADDED = 3101
    VOTER_REMOVED = 3102
    VOTER_CORRECTED = 3103
    VOTE_ELSEWHERE_CERTIFICATE_ISSUED = 3110
    VOTE_ELSEWHERE_VOTER_ACCEPTED = 3111
    LIST_COMPLAINT_REGISTERED = 3120
    LIST_COMPLAINT_DECIDED = 3121
    # 8000–8999 personal data: every read of identity numbers and the like leaves a trace.
    PERSONAL_DATA_VIEWED = 8001
    PERSONAL_DATA_EXPORTED = 8002
    PRINTOUTS_SWEPT = 8003
    # 9000–9999 system
    DEMO_LOADED = 9001
    # 9010–9019 background jobs (issue 10): queued, finished, run again after their worker died
    JOB_QUEUED = 9010
    JOB_SUCCEEDED = 9011
    JOB_FAILED = 9012
    JOB_REQUEUED = 9013


DESCRIPTIONS: dict[AuditAction, tuple[str, str]] = {
    AuditAction.USER_CREATED: ("Tạo tài khoản", "User account created"),
    AuditAction.ROLE_ASSIGNED: ("Giao vai trò", "Role assigned"),
    AuditAction.ROLE_REVOKED: ("Thu hồi vai trò", "Role revoked"),
    AuditAction.TOTP_ENABLED: ("Bật xác thực hai lớp", "Second factor (TOTP) enabled"),
    AuditAction.LOGIN_SUCCEEDED: ("Đăng nhập thành công", "Sign-in succeeded"),
    AuditAction.LOGIN_FAILED: ("Đăng nhập thất bại", "Sign-in failed"),
    AuditAction.LOGIN_LOCKED_OUT: ("Tạm khóa đăng nhập", "Sign-in refused: temporarily locked"),
    AuditAction.LOGGED_OUT: ("Đăng xuất", "Signed out"),
    AuditAction.ROLE_SWITCHED: ("Chuyển vai trò đang dùng", "Active role switched"),
    AuditAction.DEMO_TOTP_EXEMPTION_SET: (
        "Miễn xác thực hai lớp cho tài khoản trình diễn",
        "Demo account exempted from the second factor",
    ),
    AuditAction.ELECTION_CREATED: ("Tạo cuộc bầu cử", "Election created"),
    AuditAction.CONTEST_CREATED: ("Tạo cuộc bầu cử cấp", "Contest created"),
    AuditAction.CONTEST_UPDATED: ("Sửa số đại biểu được bầu của cuộc bầu cử", "Contest's seats changed"),
    AuditAction.CONSTITUENCY_CREATED: ("Thành lập đơn vị bầu cử", "Constituency created"),
    AuditAction.CONSTITUENCY_UPDATED: ("Sửa đơn vị bầu cử", "Constituency changed"),
    AuditAction.NA_CONSTITUENCIES_LOADED: ("Nạp đơn vị bầu cử đại biểu Quốc hội", "NA constituencies loaded"),
    AuditAction.VOTING_AREA_CREATED: ("Lập khu vực bỏ phiếu", "Voting area created"),
    AuditAction.VOTING_AREA_UPDATED: ("Sửa khu vực bỏ phiếu", "Voting area changed"),
    AuditAction.BODY_CREATED: ("Thành lập tổ chức phụ trách bầu cử", "Election body formed"),
    AuditAction.BODY_MEMBER_ADDED: ("Bổ sung thành viên tổ chức phụ trách bầu cử", "Body member added"),
    AuditAction.BODY_MEMBER_REMOVED: ("Rút thành viên tổ chức phụ trách bầu cử", "Body member removed"),
    AuditAction.CALENDAR_STEP_OVERRIDDEN: ("Điều chỉnh thời hạn (Điều 98)", "Calendar step moved (Art. 98)"),
    AuditAction.LATE_ACTION_JUSTIFIED: ("Ghi lý do thực hiện quá hạn", "Late action justified"),
    AuditAction.SETUP_IMPORTED: ("Nhập dữ liệu tổ chức bầu cử từ tệp", "Election setup imported from a file"),
    AuditAction.SYNTHETIC_SETUP_CREATED: (
        "Tạo dữ liệu tổ chức bầu cử tổng hợp (trình diễn, kiểm thử)",
        "Synthetic election setup created (demo, tests)",
    ),
    AuditAction.VOTER_LISTS_IMPORTED: (
        "Nhập danh sách cử tri từ Cơ sở dữ liệu quốc gia về dân cư",
        "Voter lists imported from the population database",
    ),
    AuditAction.VOTER_IMPORT_FAILED: ("Nhập danh sách cử tri không thành công", "Voter list import failed"),
    AuditAction.VOTER_ADDED: ("Bổ sung cử tri vào danh sách", "Voter added to the list"),
    AuditAction.VOTER_REMOVED: ("Xóa tên cử tri khỏi danh sách", "Voter removed from the list"),
    AuditAction.VOTER_CORRECTED: (
        "Sửa thông tin cử tri theo khiếu nại được chấp nhận",
        "Voter's details corrected on an upheld complaint",
    ),
    AuditAction.VOTE_ELSEWHERE_CERTIFICATE_ISSUED: (
        "Cấp giấy chứng nhận đi bầu cử ở nơi khác",
        "Certificate to vote elsewhere issued",
    ),
    AuditAction.VOTE_ELSEWHERE_VOTER_ACCEPTED: (
        "Ghi tên cử tri có giấy chứng nhận đi bầu cử ở nơi khác",
        "Voter with a certificate to vote elsewhere added",
    ),
    AuditAction.LIST_COMPLAINT_REGISTERED: (
        "Ghi sổ khiếu nại về danh sách cử tri",
        "List complaint registered",
    ),
    AuditAction.LIST_COMPLAINT_DECIDED: ("Giải quyết khiếu nại danh sách cử tri", "List complaint decided"),
    AuditAction.PERSONAL_DATA_VIEWED: ("Xem dữ liệu cá nhân", "Personal data viewed"),
    AuditAction.PERSONAL_DATA_EXPORTED: ("Xuất dữ liệu cá nhân", "Personal data exported"),
    AuditAction.PRINTOUTS_SWEPT: (
        "Xóa bản in lưu tạm không còn dùng",
        "Cached printouts no longer used deleted",
    ),
    AuditAction.DEMO_LOADED: ("Nạp dữ liệu trình diễn", "Demo data loaded"),
    AuditAction.JOB_QUEUED: ("Đưa công việc vào hàng đợi xử lý nền", "Background job queued"),
    AuditAction.JOB_SUCCEEDED: ("Công việc chạy nền hoàn thành", "Background job succeeded"),
    AuditAction.JOB_FAILED: ("Công việc chạy nền không thành công", "Background job failed"),
    AuditAction.JOB_REQUEUED: (
        "Chạy lại công việc nền sau khi tiến trình xử lý dừng đột ngột",
        "Background job queued again after its worker died",
    ),
}


def band_of(code: int) -> str:
    for first, last, capability in BANDS:
        if first <= code <= last:
            return capability
    raise ValueError(f"audit action {code} is outside every band")


def describe(code: int, language: str = "vi") -> str:
    try:
        vi, en = DESCRIPTIONS[AuditAction(code)]
    except ValueError:
        return f"#{code}"
    return vi if language.startswith("vi") else en
