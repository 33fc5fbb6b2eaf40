"""Lexicons for OFFICIAL names and their titles.

Everything here describes Vietnamese offices, ranks, naming and administrative
geography in general (which offices exist, which syllables are surnames, which
words open an organisation), never phrases taken from particular articles.
Title heads and org words are stored in lower case and matched
case-insensitively, because older news writes ``phó chủ tịch UBND tỉnh`` in
lower case while portals write ``Phó Chủ tịch UBND tỉnh``.
"""

from __future__ import annotations

# --- title heads ------------------------------------------------------------

# Offices that head a title; the affiliation that follows (``Bí thư`` +
# ``Thành ủy``) is parsed by ``phogov.titles``. ``phó`` and ``tổng`` variants
# are written out because they are separate offices.
_BASE_OFFICES: tuple[str, ...] = (
    # Party
    "tổng bí thư", "bí thư", "ủy viên", "chủ nhiệm", "trưởng ban", "trưởng ban thường trực",
    # State, executive
    "chủ tịch nước", "chủ tịch", "thủ tướng", "bộ trưởng", "thứ trưởng",
    "tổng cục trưởng", "cục trưởng", "vụ trưởng", "viện trưởng", "giám đốc",
    "tổng giám đốc", "chánh văn phòng", "chánh thanh tra", "tổng thanh tra", "chánh án",
    "trưởng phòng", "trưởng đoàn", "trưởng khoa", "chi cục trưởng", "cục phó", "vụ phó",
    "trưởng công an", "trưởng ty", "trưởng tiểu ban", "tổng kiểm toán nhà nước",
    "tổng kiểm toán", "kiểm toán trưởng", "thống đốc", "tổng thư ký", "chủ tịch hđqt",
    "chủ tịch hội đồng quản trị", "chủ tịch hội đồng thành viên", "chủ tịch hđtv",
    "hiệu trưởng", "trưởng thôn", "trưởng ấp", "trưởng bản", "trưởng khu phố",
    "trạm trưởng", "đội trưởng", "tổ trưởng", "trưởng trạm", "trưởng đài",
    "chủ tịch ủy ban", "tổng biên tập", "người phát ngôn", "phát ngôn viên",
    "thủ trưởng", "trưởng văn phòng", "trưởng văn phòng đại diện", "trưởng đại diện",
    "trưởng chi nhánh", "kế toán trưởng", "phó phòng", "phó ban", "thị trưởng",
    # the judiciary and inspectorates
    "thẩm phán", "kiểm sát viên", "chủ tọa", "chủ tọa phiên tòa", "thanh tra viên",
    "thanh tra viên chính", "thanh tra viên cao cấp",
    # aides whose title names the office they serve (``Trợ lý Thủ tướng``)
    "trợ lý thủ tướng", "trợ lý tổng bí thư", "trợ lý chủ tịch nước", "trợ lý bộ trưởng",
    "thư ký thủ tướng", "thư ký tổng bí thư", "thư ký chủ tịch nước", "phó trợ lý bộ trưởng",
    # Diplomacy, foreign heads of state
    "đại sứ", "tổng lãnh sự", "lãnh sự", "tổng thống", "ngoại trưởng", "quốc vương",
    # Armed forces and police (functions; ranks are below)
    "tư lệnh", "chính ủy", "chỉ huy trưởng", "tham mưu trưởng", "tổng tham mưu trưởng",
    "chính trị viên", "tổng tham mưu", "sư đoàn trưởng", "trung đoàn trưởng", "lữ đoàn trưởng",
    "tiểu đoàn trưởng", "đồn trưởng", "trưởng đồn",
    # Elected deputies (``Đại biểu`` alone: the deputy of the council the text is about)
    "đại biểu quốc hội", "đbqh", "đại biểu hđnd", "đại biểu hội đồng nhân dân", "đại biểu",
    "nghị sĩ", "thượng nghị sĩ", "hạ nghị sĩ",
)
# Offices that also exist as deputies (``Phó Giám đốc``, ``Phó Tổng Giám đốc``).
_DEPUTY_OF: tuple[str, ...] = (
    "bí thư", "bí thư thường trực", "chủ tịch", "chủ tịch nước", "chủ tịch thường trực",
    "thủ tướng", "thủ tướng thường trực", "chủ nhiệm", "trưởng ban", "trưởng ban thường trực",
    "tổng cục trưởng", "cục trưởng", "vụ trưởng", "viện trưởng", "giám đốc", "tổng giám đốc",
    "chánh văn phòng", "chánh thanh tra", "tổng thanh tra", "chánh án", "trưởng phòng",
    "trưởng đoàn", "trưởng khoa", "chi cục trưởng", "trưởng công an", "thống đốc",
    "tổng thư ký", "hiệu trưởng", "tư lệnh", "chính ủy", "chỉ huy trưởng",
    "tham mưu trưởng", "tổng tham mưu trưởng", "tổng tham mưu", "trưởng thôn", "trưởng ấp",
    "tổng biên tập", "tổng thống", "đội trưởng", "trưởng tiểu ban", "tổng kiểm toán",
    "kiểm toán trưởng", "trạm trưởng", "đồn trưởng", "thủ trưởng", "trưởng văn phòng",
    "trưởng đại diện", "trưởng chi nhánh", "thị trưởng",
)
# Military and police ranks count as titles (guideline).
RANKS: tuple[str, ...] = (
    "đại tướng", "thượng tướng", "trung tướng", "thiếu tướng",
    "đại tá", "thượng tá", "trung tá", "thiếu tá",
    "đại úy", "thượng úy", "trung úy", "thiếu úy",
    "đô đốc", "phó đô đốc", "chuẩn đô đốc",
)
# Abbreviated offices in older news (``PCT UBND``).
_ABBREV_OFFICES: tuple[str, ...] = ("pct", "ct", "pgđ", "gđ", "tgđ", "ptgđ", "bt", "pbt")

TITLE_HEADS: tuple[str, ...] = tuple(
    sorted(
        set(_BASE_OFFICES)
        | {"phó " + h for h in _DEPUTY_OF}
        | set(RANKS)
        | {"pct", "pgđ", "tgđ", "ptgđ"},
        key=lambda s: (-len(s.split()), s),
    )
)

# Heads that are always followed by a person, never by a company's name, so a
# foreign name may follow them directly (``Tổng thống Putin``, ``trung tá Keir-Kevin
# Curry``), while ``Chủ tịch Exxon Mobil`` is a company.
PERSON_HEADS: tuple[str, ...] = RANKS + (
    "tổng thống", "phó tổng thống", "thủ tướng", "phó thủ tướng", "ngoại trưởng",
    "quốc vương", "nghị sĩ", "thượng nghị sĩ", "hạ nghị sĩ", "người phát ngôn", "đại sứ",
    "phát ngôn viên", "bộ trưởng", "thứ trưởng", "thẩm phán", "chánh án",
)
# Words written before a head that belong to the title (``nguyên Bộ trưởng``).
TITLE_PREFIXES: frozenset[str] = frozenset({"nguyên", "quyền", "cựu", "tân"})
# Lower-case modifiers right after a head (``Phó Bí thư thường trực``, ``Ủy viên
# dự khuyết``); ``TT`` is the usual abbreviation of ``Thường trực``.
TITLE_MODIFIERS: tuple[str, ...] = (
    "thường trực", "dự khuyết", "phụ trách", "chuyên trách", "tt", "kiêm nhiệm", "danh dự",
    "thường vụ", "chính thức", "đương nhiệm", "điều hành",
)
# A head right after one of these words is part of an organisation's name, not a
# title (``Ban Bí thư``, ``Văn phòng Chủ tịch nước``, ``Hội đồng Bộ trưởng``).
# ``chức vụ trưởng``, ``nhiệm vụ``: the head's first syllable belongs to the word before.
# ``Đoàn Chủ tịch`` (a presidium) and ``đoàn đại biểu`` (a delegation) are bodies too.
HEAD_BLOCKERS_BEFORE: frozenset[str] = frozenset(
    {"ban", "văn phòng", "hội đồng", "chức", "nhiệm", "dịch", "nghĩa", "phục", "đoàn"}
)

# --- affiliations -----------------------------------------------------------

# Lower-case words that name an administrative level; they continue an
# affiliation (``Chủ tịch UBND tỉnh``, ``Trưởng Đoàn ĐBQH thành phố Hải Phòng``).
PLACE_WORDS: tuple[str, ...] = (
    "thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường", "thôn",
    "ấp", "bản", "khu phố", "tổ dân phố", "đặc khu", "khu vực", "vùng", "quân khu",
    "thủ đô", "cụm", "khóm", "làng",
)
# Common two-syllable words of organisation names whose second syllable is lower
# case (``Thành ủy``, ``Bộ Tài chính``); an unknown pair is still accepted when
# the next word cannot be lower-case prose.
ORG_PAIRS: frozenset[str] = frozenset(
    {
        "thành ủy", "tỉnh ủy", "huyện ủy", "quận ủy", "thị ủy", "đảng ủy", "đảng đoàn",
        "quốc hội", "chính phủ", "trung ương", "thường vụ", "chấp hành", "bộ chính",
        "chính trị", "kiểm tra", "tổ chức", "tuyên giáo", "dân vận", "nội chính", "tuyên truyền",
        "văn phòng", "thanh tra", "kiểm toán", "kiểm sát", "hội đồng", "ủy ban", "mặt trận",
        "tổ quốc", "liên hiệp", "phụ nữ", "nông dân", "cựu chiến", "chiến binh", "thanh niên",
        "lao động", "tài chính", "xây dựng", "y tế", "công an", "quân đội", "quân sự",
        "ngoại giao", "nội vụ", "tư pháp", "giáo dục", "đào tạo", "khoa học", "công nghệ",
        "thông tin", "truyền thông", "kế hoạch", "đầu tư", "công thương", "nông nghiệp",
        "phát triển", "tài nguyên", "môi trường", "văn hóa", "thể thao", "du lịch",
        "giao thông", "vận tải", "thương binh", "xã hội", "quốc phòng", "an ninh", "hải quan",
        "kho bạc", "ngân hàng", "tập đoàn", "công ty", "viễn thông", "điện lực", "dầu khí",
        "khoáng sản", "trung tâm", "nghiên cứu", "học viện", "bệnh viện", "đại học",
        "hành chính", "tòa án", "nhân dân", "dân tộc", "tôn giáo", "thi đua", "khen thưởng",
        "biên phòng", "cảnh sát", "phòng cháy", "chữa cháy", "cứu hộ", "hàng không",
        "hàng hải", "đường sắt", "đường bộ", "thủy lợi", "thủy sản", "lâm nghiệp", "kiểm lâm",
        "quản lý", "thị trường", "thống kê", "bảo hiểm", "thuế vụ", "bưu điện", "phát thanh",
        "truyền hình", "thông tấn", "báo chí", "xuất bản", "ngoại vụ", "pháp chế",
        "kinh tế", "ngân sách", "dân nguyện", "tư tưởng", "công đoàn", "chữ thập",
        "liên đoàn", "doanh nghiệp", "thương mại", "công nghiệp", "năng lượng", "cơ quan",
        "đoàn thể", "quy hoạch", "kiến trúc", "đô thị", "cấp nước", "thoát nước", "vệ sinh",
        "dự án", "chỉ đạo", "chỉ huy", "tham mưu", "hậu cần", "kỹ thuật", "quân khu",
        "quân chủng", "binh chủng", "tư lệnh", "bộ đội", "dân quân", "tự vệ", "cơ yếu",
        "đối ngoại", "hợp tác", "hữu nghị", "tài sản", "dân số", "gia đình", "trẻ em",
        "người cao", "chữ nhật", "sản xuất", "dịch vụ", "tiết kiệm", "đầu khí",
        "lương thực", "thực phẩm", "dược phẩm", "thiết bị", "vật tư", "nhà nước",
        "tổng hợp", "thường trực", "tổng cục", "thú y", "chi cục", "cục thuế", "sở hữu", "trí tuệ",
        "tiêu chuẩn", "đo lường", "chất lượng", "nhà ở", "cảng vụ", "luật sư", "công chứng",
        "thi hành", "giám định", "điều tra", "truy tố", "xét xử", "tố tụng",
        "đại biểu", "hiệp hội", "công tác", "giám sát", "chuyên đề", "chiến lược",
        "nước ngoài", "chứng khoán", "vật giá", "địa chính", "xuất nhập", "nhập khẩu",
        "xuất khẩu", "miền nam", "miền bắc", "miền trung", "ngân khố", "xúc tiến",
        "thế giới", "quốc tế",
    }
)
# Multi-word sector names with lower-case inner syllables or inner commas; the
# whole phrase continues an affiliation (``Bộ Nông nghiệp và Phát triển nông thôn``).
ORG_PHRASES: tuple[str, ...] = (
    "nông nghiệp và phát triển nông thôn", "nông nghiệp và môi trường",
    "lao động - thương binh và xã hội", "lao động-thương binh và xã hội",
    "lao động, thương binh và xã hội", "văn hóa, thể thao và du lịch",
    "văn hóa - thể thao và du lịch", "văn hóa - thông tin", "tài nguyên và môi trường",
    "tài nguyên - môi trường", "kế hoạch và đầu tư", "kế hoạch - đầu tư",
    "kế hoạch-đầu tư", "khoa học và công nghệ",
    "giáo dục và đào tạo", "thông tin và truyền thông", "giao thông vận tải",
    "giao thông - vận tải", "phát thanh - truyền hình", "phát thanh và truyền hình",
    "phát thanh truyền hình", "cựu chiến binh", "ngân hàng nhà nước", "kiểm toán nhà nước",
    "phòng cháy, chữa cháy và cứu nạn, cứu hộ", "phòng cháy chữa cháy",
    "phòng, chống tham nhũng", "phòng chống tham nhũng", "tổ quốc việt nam",
    "liên hiệp phụ nữ", "dân tộc và tôn giáo", "tổng công ty", "công ty", "hiệp hội",
    "hội đồng quản trị", "hội đồng thành viên", "ủy ban nhân dân", "hội đồng nhân dân",
    "đại học quốc gia", "trường đại học", "trường cao đẳng", "thanh thiếu niên",
    "cổ phần", "trách nhiệm hữu hạn", "ban chỉ đạo", "ban quản lý", "ban tổ chức",
    "ban điều hành", "ban biên tập", "ban giám đốc", "ban giám hiệu", "ban chấp hành",
    "ban thường vụ", "ban kiểm soát", "ban soạn thảo", "ban đại diện", "ban chỉ huy",
)
# Bodies of the state whose leaders are officials (``lãnh đạo UBND tỉnh gồm …``).
STATE_BODIES: tuple[str, ...] = (
    "ubnd", "hđnd", "ủy ban", "bộ", "sở", "cục", "tỉnh ủy", "thành ủy", "huyện ủy",
    "quận ủy", "đảng ủy", "viện kiểm sát", "tòa án", "công an", "chính phủ", "quốc hội",
)
# Head words of an organisation: after a comma they complete the previous title
# (``Cục trưởng Cục Viễn thông, Bộ Thông tin và Truyền thông``).
ORG_HEADS: tuple[str, ...] = (
    "bộ", "sở", "cục", "tổng cục", "chi cục", "vụ", "viện", "ủy ban", "ubnd", "hđnd", "ub",
    "tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy", "đảng ủy", "ban", "văn phòng",
    "tập đoàn", "tổng công ty", "công ty", "ngân hàng", "học viện", "trường", "đại học",
    "bệnh viện", "công an", "bộ chỉ huy", "bộ tư lệnh", "quân khu", "quân chủng",
    "binh chủng", "hội", "liên đoàn", "đài", "báo", "thông tấn xã", "kho bạc", "tòa án",
    "tand", "viện kiểm sát", "vksnd", "mặt trận", "mttq", "đoàn", "hội đồng", "trung tâm",
    "quỹ", "phòng", "thanh tra", "chính phủ", "quốc hội", "bchqs", "đảng bộ", "chi bộ",
    "liên minh", "cảng vụ", "hải quan", "đại sứ quán", "tổng lãnh sự quán", "lãnh sự quán",
)
# Heads of enterprises that may close a title in lower case, referring back to the
# company the text is about (``Chủ tịch HĐQT tổng công ty``, ``Giám đốc công ty``).
ENTERPRISE_HEADS: tuple[str, ...] = (
    "tổng công ty", "công ty", "tập đoàn", "xí nghiệp", "nhà máy", "nông trường",
    "lâm trường", "hợp tác xã", "ngân hàng", "liên hiệp",
)
# Words before which a capitalised run is the name of a place or body, not of a
# person (``xã Sơn Dương``, ``Trường THPT Lê Quý Đôn``, ``Công ty Hoàng Long``).
NAMED_THINGS: tuple[str, ...] = (
    "trường", "thpt", "thcs", "tiểu học", "ptth", "đường", "cầu", "bệnh viện", "công ty",
    "tnhh", "cổ phần", "tập đoàn", "nhà máy", "quỹ", "giải", "giải thưởng", "hẻm", "ngõ",
    "khu", "chợ", "chùa", "đền", "lăng", "tượng", "tượng đài", "bảo tàng", "sân", "bến",
    "cảng", "quảng trường", "hội", "đài", "báo", "tạp chí", "câu lạc bộ", "huân chương",
    "huy chương", "tòa nhà", "tư tưởng", "di chúc", "mang tên", "đảo", "sông", "núi", "đèo",
    "vịnh", "hồ", "kênh", "rạch", "học viện", "đại học", "cao đẳng", "nhà văn hóa",
    "trung tâm", "khách sạn", "nhà hát", "rạp", "siêu thị", "cửa hàng", "thương hiệu",
    "nhãn hiệu", "hãng", "tàu", "xí nghiệp", "nông trường", "lâm trường", "hợp tác xã", "htx",
)

# --- personal names ---------------------------------------------------------

# Vietnamese surnames; a capitalised run that starts with one is likely a name.
# The common ones, which cover most of the population, score higher when we
# have to choose where a name starts inside a longer capitalised run.
TOP_SURNAMES: frozenset[str] = frozenset(
    {
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
        "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lương", "Trịnh", "Lâm",
    }
)
SURNAMES: frozenset[str] = TOP_SURNAMES | frozenset(
    {
        "Đàm", "Mai", "Lưu", "Cao", "Tạ", "Hà", "Chu", "Quách", "Thái", "Kiều", "Văn", "Tô",
        "Châu", "La", "Khúc", "Phùng", "Triệu", "Tăng", "Giang", "Nông", "Lò", "Lại", "Đào",
        "Vương", "Mạc", "Doãn", "Hứa", "Lữ", "Lã", "Thân", "Tôn",
        "Diệp", "Khổng", "Bạch", "Hầu", "Đồng", "Tống", "Khương", "Cù", "Đậu",
        "Mẫn", "Ung", "Mạch", "Nghiêm", "Phí", "Chế", "Trình", "Hàn", "Lục", "Mông", "Đoàn",
        "Vi", "Sầm", "Bế", "Sùng", "Giàng", "Thào", "Lầu", "Lường", "Cầm", "Quàng", "Điêu",
        "Đới", "Tiêu", "Vòng", "Ma", "Ksor", "Nhữ", "Lô", "Kha", "Bành", "Thạch", "Giáp", "Tiết",
        "Tất", "Khuất", "Lỗ", "Hoàng",
    }
)
# Second syllables that make a four-syllable name likely (``Vũ Thị Mai Anh``).
MIDDLE_NAMES: frozenset[str] = frozenset({"Thị", "Văn", "Hữu", "Đình", "Công", "Ngọc", "Bá"})
# Names not tagged: historical figures cited as symbols, not as office holders
# (``tư tưởng Hồ Chí Minh``, ``Di chúc của Chủ tịch Hồ Chí Minh``) — see module notes.
HISTORICAL_NAMES: frozenset[str] = frozenset({"Hồ Chí Minh"})

# Provinces, centrally-run cities and countries: a capitalised run that starts
# with one of these is a place, and a name can only start after it
# (``Chủ tịch UBND tỉnh Hà Giang Lê Văn B``).
PLACES: tuple[str, ...] = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bà Rịa", "Vũng Tàu", "Bạc Liêu",
    "Bắc Giang", "Bắc Kạn", "Bắc Cạn", "Bắc Ninh", "Bến Tre", "Bình Dương", "Bình Định",
    "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk",
    "Đắc Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang",
    "Hà Nam", "Hà Nội", "Hà Tây", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang",
    "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng",
    "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
    "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị",
    "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
    "Thừa Thiên Huế", "Thừa Thiên - Huế", "Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang",
    "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Hồ Chí Minh", "Sài Gòn", "Việt Nam",
    "Hà Bắc", "Hải Hưng", "Nghệ Tĩnh", "Bình Trị Thiên", "Minh Hải", "Sông Bé", "Vĩnh Phú",
    "Hà Nam Ninh", "Nam Hà", "Cửu Long", "Nghĩa Bình", "Phú Khánh", "Thuận Hải",
    "Hoàng Liên Sơn", "Bắc Thái", "Hà Sơn Bình", "Cao Lạng", "Hà Tuyên",
    "Lào", "Campuchia", "Chi Lê", "Trung Quốc", "Nhật Bản", "Hàn Quốc", "Thái Lan", "Mỹ", "Hoa Kỳ",
    "Nga", "Pháp", "Đức", "Anh", "Ấn Độ", "Singapore", "Malaysia", "Indonesia", "Philippines",
    "Australia", "Úc", "Canada", "Cuba", "Triều Tiên", "Myanmar", "Brunei", "Đông Nam Á",
    "Peru", "Chile", "Brazil", "Argentina", "Mexico", "Italia", "Ý", "Tây Ban Nha",
    "Bồ Đào Nha", "Hà Lan", "Bỉ", "Thụy Điển", "Thụy Sĩ", "Na Uy", "Đan Mạch", "Phần Lan",
    "Ba Lan", "Séc", "Hungary", "Ukraine", "Israel", "Iran", "Iraq", "Ai Cập", "Nam Phi",
    "Venezuela", "New Zealand", "Bangladesh", "Pakistan", "Mông Cổ", "Đài Loan", "Hồng Kông",
    "Thái Bình Dương", "Đại Tây Dương", "Ấn Độ Dương", "Châu Á", "Biển Đông",
    "Cộng hòa", "Liên bang", "Vương quốc", "Liên Hợp Quốc", "Liên hợp quốc", "Châu Âu",
    "Tây Nguyên", "Tây Bắc", "Đông Bắc", "Nam Bộ", "Bắc Bộ", "Trung Bộ", "Đồng bằng",
    # more countries, as news writes them (a foreign leader's title names one first:
    # ``Tổng thống Afghanistan Karzai``), and capitals and cities that head a title
    "Afghanistan", "Ukraina", "Kuwait", "Syria", "Libya", "Palestine", "Jordan", "Libăng",
    "Lebanon", "Yemen", "Qatar", "Ả Rập Xê Út", "Saudi Arabia", "Thổ Nhĩ Kỳ", "Hy Lạp", "Áo",
    "Ireland", "Scotland", "Slovakia", "Slovenia", "Serbia", "Croatia", "Bosnia", "Romania",
    "Rumani", "Bulgaria", "Belarus", "Gruzia", "Georgia", "Armenia", "Azerbaijan",
    "Kazakhstan", "Uzbekistan", "Estonia", "Latvia", "Litva", "Iceland", "Czech", "Cộng hòa Séc",
    "Colombia", "Bolivia", "Ecuador", "Uruguay", "Paraguay", "Panama", "Nicaragua",
    "Honduras", "Guatemala", "Haiti", "Jamaica", "Algeria", "Maroc", "Morocco", "Tunisia",
    "Senegal", "Nigeria", "Ghana", "Kenya", "Ethiopia", "Sudan", "Somalia", "Angola",
    "Mozambique", "Tanzania", "Uganda", "Rwanda", "Congo", "Zimbabwe", "Cameroon",
    "Madagascar", "Nepal", "Sri Lanka", "Bhutan", "Maldives", "Timor Leste", "Đông Timor",
    "Papua New Guinea", "Fiji", "Ả Rập", "Tây Âu", "Đông Âu", "Trung Đông", "Bắc Mỹ",
    "Nam Mỹ", "Mỹ La-tinh", "Châu Phi", "Bắc Kinh", "Washington", "London", "Paris", "Moskva",
    "Matxcơva", "Tokyo", "Seoul", "Bangkok", "New York", "Baghdad", "Berlin", "Kabul",
    "Viêng Chăn", "Phnom Penh", "Jakarta", "Manila", "Kuala Lumpur", "Canberra", "Ottawa",
    "Brussels", "Geneva", "Tehran", "Jerusalem", "Caracas", "Havana", "Bình Nhưỡng",
)

# --- prose words ------------------------------------------------------------

# Lower-case words that start the predicate or a function phrase after a name or
# a title; a title never continues into them and a name may be followed by them.
VERB_STOP: frozenset[str] = frozenset(
    {
        "cho", "có", "là", "cũng", "sẽ", "ra", "nói", "tại", "ở", "tiếp", "làm", "chỉ", "về",
        "nêu", "nhấn", "bị", "với", "từ", "yêu", "khẳng", "nhận", "còn", "vào", "lại",
        "không", "thì", "phát", "thuộc", "được", "trong", "như", "nên", "cùng", "hiện",
        "thăm", "đã", "đang", "rất", "vẫn", "gặp", "chủ", "thay", "giữ", "qua", "xin", "gửi",
        "vừa", "vì", "tham", "này", "dự", "trình", "báo", "ký", "trước", "luôn", "mở", "hôm",
        "theo", "một", "nếu", "mới", "lên", "của", "đến", "tặng", "phải", "trở", "khiến",
        "gồm", "trên", "trao", "khi", "cần", "hứa", "hỏi", "đánh", "nghe", "dẫn", "chia",
        "đề", "đưa", "đi", "ghi", "biểu", "đọc", "chúc", "kêu", "nhắc", "đồng", "và", "hay",
        "hoặc", "thông", "trả", "giải", "cảm", "bày", "kiến", "lưu", "tán",
        "tuyên", "công", "quyết", "kết", "điều", "giao", "ban", "bổ", "miễn", "đặt",
        "tin", "cam", "hướng", "động", "phân", "tái", "so", "bởi", "để", "mà", "nhưng",
        "thêm", "đều", "lúc", "sau", "ngày", "sáng", "chiều", "tối", "trưa", "năm", "tháng",
        "người", "các", "những", "mọi", "chức", "trực", "nhiệm", "tổng", "phản", "lo", "dành",
        "dặn", "bàn", "họp", "kiểm", "chỉnh", "đôn", "thúc", "nhìn", "đón", "tiễn", "hội",
        "đối", "nhằm", "tới", "ngay", "vốn", "từng", "nay", "đây", "đó", "ấy", "khuyến",
        "giới", "thừa", "bức", "tiết", "thắc", "than", "cảnh", "bác", "xác", "thẳng", "trấn",
        "kể", "tỏ", "hy", "mong", "muốn", "nghĩ", "tính", "ước", "phê", "xem", "xuống",
        "rằng", "sinh", "ngụ", "trú", "mất", "vui", "buồn", "lý", "ông", "bà", "anh",
        "chị", "em", "ngồi", "đứng", "cười", "trò", "bảo", "viết", "tìm",
        "chúng", "tôi", "mình", "họ", "gì", "nào", "ai", "sao", "vậy", "thế", "lần", "đợt",
        "vụ", "việc", "lẫn", "nữa", "hết", "suốt", "chưa", "thường", "ngoài",
        "dưới", "giữa", "sát", "bên", "ngỏ", "đích", "kịp",
        "khai", "bế", "quán", "triển", "dâng", "viếng", "thắp", "cắt", "bấm", "ấn", "gắn",
        "chụp", "khảo", "lãnh", "tiến", "hoàn", "đạt", "giảm", "tăng", "nâng", "xử", "phối",
        "tháo", "gỡ", "rà", "lấy", "nắm", "chấp", "cấp", "duyệt", "ủng", "phụ",
        "tổ", "thực", "xây", "chuyển", "trích", "nộp", "bắt", "tự",
    }
)
