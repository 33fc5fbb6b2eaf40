"""Gazetteers for the ORG rules: head nouns, descriptors, places, abbreviations.

Everything here describes the structure of the Vietnamese state, Party, fronts
and economy in general (which ministries and departments exist, which words
name a place level, which abbreviations denote one body), never phrases taken
from particular articles. Phrases are written in normal case; matching is
case-insensitive after the first syllable, so ``Giao thông vận tải`` also
matches ``Giao thông Vận tải``.
"""

from __future__ import annotations

import re

# --- places -----------------------------------------------------------------

# Words that name an administrative level; followed by a name they make a place.
# A place right after a body completes its name (``UBND tỉnh Quảng Ninh``).
PLACE_LEVELS: tuple[str, ...] = (
    "thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường",
    "đặc khu", "TP", "TX", "Q", "miền",
)
# Levels that complete a body on their own (``UBND tỉnh``, ``HĐND Thành phố``).
BARE_LEVELS: frozenset[str] = frozenset(
    {"thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường", "đặc khu", "tp"}
)

# Provinces and centrally-run cities (pre- and post-2025 names), plus a few
# frequent short forms; used to end a place name at the right syllable
# (``Tỉnh ủy Bình Dương Võ Văn Minh``) and to accept it without a level word.
PROVINCES: tuple[str, ...] = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn",
    "Bắc Ninh", "Bến Tre", "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau",
    "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai",
    "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
    "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
    "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An",
    "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam",
    "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình",
    "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Thừa Thiên - Huế", "Huế", "Tiền Giang",
    "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Hồ Chí Minh",
    "TP.HCM", "TPHCM", "TP HCM", "HCM", "Sài Gòn", "Việt Nam", "VN",
    # other spellings, and provinces of earlier maps that the news of their time names
    # (``Công an Hà Tây`` until 2008, ``Sông Bé``, ``Minh Hải`` before 1997)
    "Đắc Lắk", "Bắc Cạn", "Bà Rịa", "Vũng Tàu", "Hà Tây", "Hà Bắc", "Hải Hưng", "Nghệ Tĩnh",
    "Bình Trị Thiên", "Minh Hải", "Sông Bé", "Vĩnh Phú", "Hà Nam Ninh", "Nam Hà",
    "Quảng Nam - Đà Nẵng", "Cửu Long", "Nghĩa Bình", "Phú Khánh", "Thuận Hải",
    "Hoàng Liên Sơn", "Bắc Thái", "Gia Lai - Kon Tum", "Hà Sơn Bình", "Cao Lạng", "Hà Tuyên",
    # countries that follow foreign bodies (``Bộ Quốc phòng Campuchia``)
    "Mỹ", "Hoa Kỳ", "Nhật Bản", "Trung Quốc", "Hàn Quốc", "Triều Tiên", "Campuchia", "Lào",
    "Thái Lan", "Nga", "Liên bang Nga", "Pháp", "Đức", "Anh", "Úc", "Australia", "Ấn Độ",
    "Singapore", "Malaysia", "Indonesia", "Philippines", "Myanmar", "Canada", "Italy", "Ý",
    "Tây Ban Nha", "Hà Lan", "Bỉ", "Thụy Điển", "Na Uy", "Đan Mạch", "Phần Lan", "Séc",
    "Ba Lan", "Hungary", "Cuba", "Brazil", "Mexico", "Israel", "New Zealand", "Thụy Sĩ",
    "Iraq", "Iran", "Afghanistan", "Pakistan", "Syria", "Libya", "Ai Cập", "Thổ Nhĩ Kỳ",
    "Ả Rập Xê-út", "Ảrập Xêút", "Saudi Arabia", "Kuwait", "Qatar", "UAE", "Jordan", "Lebanon",
    "Palestine", "Luxembourg", "Áo", "Hy Lạp", "Bồ Đào Nha", "Ukraine", "Belarus", "Romania",
    "Bulgaria", "Serbia", "Croatia", "Ireland", "Scotland", "Venezuela", "Argentina", "Chile",
    "Peru", "Colombia", "Nam Phi", "Nigeria", "Kenya", "Bangladesh", "Sri Lanka", "Nepal",
    "Mông Cổ", "Đài Loan", "Hồng Kông", "Hong Kong", "Brunei", "Đông Timor", "Kazakhstan",
    "Uzbekistan", "Cộng hòa Séc", "Slovakia", "Estonia", "Latvia", "Litva", "Iceland",
    # capitals and world cities that stand for a government or a market
    "Washington", "New York", "London", "Paris", "Bắc Kinh", "Tokyo", "Moscow", "Matxcơva",
    "Bangkok", "Seoul", "Berlin", "Baghdad", "Kabul", "Jerusalem", "Geneva", "Brussels",
    "Sydney", "Viêng Chăn", "Vientiane", "Phnom Penh", "Kuala Lumpur", "Jakarta", "Manila",
    "New Delhi", "Thượng Hải", "Tehran", "Islamabad",
)

# Family names: a capitalised run that reaches one of these (followed by more
# capitalised syllables) has reached a person's name, not the rest of a place.
SURNAMES: frozenset[str] = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn "
    "Vương Trịnh Trương Đinh Lâm Phùng Mai Tô Hà Tạ Lương Lưu Quách Chu Cao Thái Triệu "
    "Kiều Đàm Văn Lại Tống Hứa Khúc Châu Nông Giang Tăng Doãn Thân Tôn Lò Mạc Bế Hầu "
    "Khổng Nghiêm Lục La Âu Diệp Từ Viên Quan Chế Ninh Hoàng".split()
)

# Capitalised words that cannot start the proper-name part of an ORG: titles,
# ranks, forms of address, other heads, document and event words.
RUN_STOP: frozenset[str] = frozenset(
    "Phó Bí Chủ Ủy Uỷ Trưởng Giám Thủ Đồng Ông Bà Anh Chị Đại Thượng Thiếu Trung Tổng "
    "Hội Ban Bộ Sở Đảng Nghị Quyết Kế Chương Dự Đề Báo Thông Chỉ Luật Quy Theo Tại Trong "
    "Ngày Sáng Chiều Tối Kết Văn Cục Vụ Công Ngân Tập Viện Trường Phòng Đoàn Thường Các "
    "Những Đây Đó Này Khi Nếu Sau Trước Với Về Cùng Và Nhưng UBND HĐND MTTQ Tỉnh Thành "
    "Huyện Quận Xã Phường Thị Nhân Hiện Năm Tháng Quý Giai".split()
)

# --- Party and state bodies ---------------------------------------------------

# Party committees named by their level (capitalised in running text).
COMMITTEES: tuple[str, ...] = (
    "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy", "Đảng ủy", "Quân ủy",
    "Tỉnh đoàn", "Thành đoàn", "Huyện đoàn", "Quận đoàn",
)

# People's committees, councils and the Fatherland Front: complete with a place.
PEOPLE_BODIES: tuple[str, ...] = (
    "UBND", "HĐND", "UBMTTQ", "Ủy ban nhân dân", "Hội đồng nhân dân",
    "Ủy ban MTTQ Việt Nam", "Ủy ban MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Ủy ban Mặt trận Tổ quốc", "Ủy ban Trung ương MTTQ Việt Nam", "Ủy ban Trung ương MTTQ",
    "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "MTTQ Việt Nam", "MTTQ VN", "MTTQ",
    "Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc", "UBMTTQ Việt Nam",
    "Tòa án nhân dân", "TAND", "Viện kiểm sát nhân dân", "VKSND", "Công an", "Thanh tra",
    "Kho bạc Nhà nước", "Kho bạc", "Bảo hiểm xã hội", "BHXH", "Cục Thuế", "Chi cục Thuế",
    "Cục Hải quan", "Cục Thống kê", "Bộ Chỉ huy Quân sự", "Bộ Chỉ huy Bộ đội Biên phòng",
    "Bộ đội Biên phòng", "Bộ CHQS", "Tổng Liên đoàn Lao động Việt Nam", "Tổng LĐLĐ Việt Nam",
    "Tổng LĐLĐ VN", "Tổng LĐLĐ", "Liên đoàn Lao động", "LĐLĐ", "Hội Nông dân",
    "Hội Liên hiệp Phụ nữ", "Hội LHPN", "Hội Cựu chiến binh", "Hội CCB", "Hội Chữ thập đỏ",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn TNCS Hồ Chí Minh", "Đoàn Thanh niên",
    "Đoàn ĐBQH", "Đoàn đại biểu Quốc hội", "Văn phòng Đoàn ĐBQH và HĐND",
    "Đài Phát thanh và Truyền hình", "Đài Phát thanh - Truyền hình", "Đài Truyền hình",
    "Đài PT-TH", "Đài PTTH", "Bệnh viện Đa khoa",
    "Trung tâm Y tế", "Ban Quản lý Khu kinh tế", "Ban Quản lý các khu công nghiệp",
    "Hội Nhà báo", "Hội Doanh nghiệp", "Hội Luật gia", "Liên minh Hợp tác xã",
    "Cảnh sát", "Quân đội", "Cảnh sát biển", "Viện KSND", "Tòa án quân sự", "Viện kiểm sát",
    "Tòa án",
    "Quỹ Đầu tư phát triển", "Quĩ Đầu tư phát triển", "Quỹ Phát triển đất",
)
# Of these, the ones that stand for one body even with no place after them.
PEOPLE_BODIES_BARE_OK: frozenset[str] = frozenset(
    {"UBND", "HĐND", "UBMTTQ", "Ủy ban MTTQ", "Ủy ban MTTQ Việt Nam", "MTTQ", "MTTQ Việt Nam",
     "MTTQ VN", "Ủy ban Mặt trận Tổ quốc", "Ủy ban Mặt trận Tổ quốc Việt Nam",
     "Mặt trận Tổ quốc", "Mặt trận Tổ quốc Việt Nam", "Ủy ban Trung ương MTTQ Việt Nam",
     "Ủy ban Trung ương MTTQ", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
     "Ủy ban nhân dân", "Hội đồng nhân dân", "UBMTTQ Việt Nam", "Kho bạc Nhà nước",
     "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn TNCS Hồ Chí Minh",
     "Tổng Liên đoàn Lao động Việt Nam", "Tổng LĐLĐ Việt Nam", "Tổng LĐLĐ VN", "Tổng LĐLĐ",
     "Cảnh sát biển"}
)
# Of these, the ones whose completion may be a bare proper name (no level word).
PEOPLE_BODIES_NAME_OK: frozenset[str] = frozenset(
    {"UBND", "HĐND", "Công an", "Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban MTTQ", "Tòa án"}
)
# Complements written in lower case that still belong to the name.
COURT_LEVELS: tuple[str, ...] = ("tối cao", "cấp cao")

# Names complete without any head + descriptor analysis.
FIXED_NAMES: tuple[str, ...] = (
    "Quốc hội", "Chính phủ", "Bộ Chính trị", "Ban Bí thư Trung ương Đảng",
    "Ban Bí thư Trung ương Đoàn", "Ban Bí thư Trung ương", "Ban Bí thư", "TW Đảng", "TƯ Đảng",
    "Trung ương Đảng", "Trung ương Đoàn", "Trung ương Hội", "T.Ư Đảng", "T.Ư Đoàn",
    "Đảng Cộng sản Việt Nam", "Đảng Cộng sản VN", "Đảng Nhân dân Cách mạng Lào",
    "Đảng Nhân dân CM Lào", "Đảng NDCM Lào",
    "Kiểm toán Nhà nước", "Ngân hàng Nhà nước Việt Nam", "Ngân hàng Nhà nước",
    "Thanh tra Chính phủ", "Văn phòng Chính phủ", "Văn phòng Quốc hội",
    "Văn phòng Trung ương Đảng", "Văn phòng Chủ tịch nước", "Ủy ban Thường vụ Quốc hội",
    "Ủy ban Thường vụ QH", "Hội đồng Dân tộc", "Hội đồng Bầu cử quốc gia",
    "Hội đồng Lý luận Trung ương", "Quân ủy Trung ương", "Bộ Tổng Tham mưu",
    "Tổng cục Chính trị", "Tổng Liên đoàn Lao động Việt Nam", "Thông tấn xã Việt Nam",
    "Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Học viện Chính trị quốc gia Hồ Chí Minh",
    "Học viện Chính trị Quốc gia Hồ Chí Minh", "Ngân hàng Thế giới",
    "Ngân hàng Phát triển châu Á", "Quỹ Tiền tệ Quốc tế", "Liên Hợp Quốc", "Liên hợp quốc",
    "Tổ chức Y tế Thế giới", "Tổ chức Thương mại Thế giới", "Liên minh châu Âu",
    "Ủy ban châu Âu", "Hiệp hội các quốc gia Đông Nam Á",
    "Phòng Thương mại và Công nghiệp Việt Nam",
    "Ban Chỉ đạo Trung ương", "Ban Chỉ đạo Quốc gia", "Ban Chỉ đạo quốc gia",
    "Thanh tra Nhà nước", "Quỹ hỗ trợ phát triển", "Quĩ hỗ trợ phát triển",
    "Thường vụ Quốc hội",  # the short form of Ủy ban Thường vụ Quốc hội
    "Ngân hàng Phát triển Việt Nam", "Ngân hàng Chính sách xã hội",
    "Bảo hiểm xã hội Việt Nam", "Bảo hiểm tiền gửi Việt Nam", "Tòa án nhân dân tối cao",
    "Viện kiểm sát nhân dân tối cao", "Câu lạc bộ Paris", "Câu lạc bộ London",
)
# Fixed names that may be followed by a foreign country (``Chính phủ Nhật Bản``).
FIXED_TAKE_NAME: frozenset[str] = frozenset({"Quốc hội", "Chính phủ"})

# Bodies of a trial or an investigation: one specific body in a case narrative,
# completed by the court or ministry when it follows (``HĐXX Tòa án nhân dân tỉnh``).
# The lower-case ``cơ quan điều tra`` is the generic agency and is not tagged.
JUDICIAL_BODIES: tuple[str, ...] = (
    "Hội đồng xét xử", "HĐXX", "Cơ quan điều tra", "Cơ quan Cảnh sát điều tra",
    "Cơ quan CSĐT", "Cơ quan An ninh điều tra", "Cơ quan ANĐT", "CQĐT", "CQCSĐT", "CQANĐT",
    "Tòa phúc thẩm", "Tòa Phúc thẩm", "Tòa án quân sự", "Tòa Hình sự", "Tòa Dân sự",
    "Tòa Kinh tế", "Tòa Lao động", "Tòa Hành chính", "Tòa Hôn nhân và Gia đình",
)
# Bodies of a congress or an assembly session (``Đoàn Thư ký``, ``Ban Kiểm phiếu``):
# tagged bare, completed by a parent body when one follows.
CONGRESS_BODIES: tuple[str, ...] = (
    "Đoàn Chủ tịch", "Đoàn Thư ký", "Ban Thư ký", "Tổ Thư ký", "Ban Kiểm phiếu",
    "Ban Thẩm tra tư cách đại biểu", "Ban Thẩm tra tư cách", "Ủy ban Thẩm tra tư cách",
)
# Words that start the subject phrase of a police unit or a board, after its
# descriptor (``Cục Cảnh sát điều tra tội phạm về ma túy``), and lower-case words
# that end it (a predicate follows: ``… về ma túy phối hợp với …``).
SUBJECT_MARKERS: tuple[str, ...] = (
    "tội phạm về", "tội phạm", "về", "phòng, chống", "phòng chống", "quản lý hành chính về",
)
SUBJECT_STOPS: frozenset[str] = frozenset(
    "đề yêu cho ký trao gửi phối tiến khởi bắt triệu phát tạm xác làm chủ tổ thông tiếp vừa "
    "đã đang sẽ cũng nói cho là có đến ngày năm tháng khóa khoá".split()
)
# Words after a number that make it a count, not part of a place name (``5 năm``).
MEASURE_WORDS: frozenset[str] = frozenset(
    "năm tháng ngày giờ tuần quý người hộ tỷ tỉ triệu nghìn ngàn lần km ha m % cái chiếc "
    "đồng dự công xã phường thôn tuyến gói hạng căn con tấn lô tòa tầng dãy".split()
)
# Descriptors (lower-cased) after which a subject phrase may follow.
SUBJECT_DESCRIPTORS: frozenset[str] = frozenset(
    {"cảnh sát điều tra", "csđt", "cảnh sát", "an ninh điều tra", "anđt", "an ninh",
     "cảnh sát kinh tế", "cảnh sát hình sự", "cảnh sát môi trường", "cảnh sát quản lý hành chính",
     "điều tra", "chỉ đạo"}
)
# Abbreviations of a Party body that take ``Đảng`` after them (``BCHTƯ Đảng``).
ABBREVIATIONS_TAKE_PARTY: frozenset[str] = frozenset({"BCHTƯ", "BCHTW", "UBKTTƯ", "UBKTTW"})

# Police and project-board codes that stand for one unit (``C14``, ``PC15``, ``PMU 18``):
# a prefix glued to a two-digit number, maybe a letter (``C16B``).
UNIT_CODE_PREFIXES: frozenset[str] = frozenset({"C", "PC", "PA", "PK", "PV", "PX", "PH"})
PROJECT_BOARD_CODES: frozenset[str] = frozenset({"PMU"})
# Names of bodies written in lower case that still point at one body (``quốc hội``).
LOWER_FIXED_NAMES: tuple[str, ...] = ("quốc hội",)

# Bodies defined relative to a parent body: ``Ban Thường vụ`` + ``Tỉnh ủy``.
# Without the parent they are not tagged (``Ban Chấp hành`` alone is generic).
RELATIONAL_HEADS: tuple[str, ...] = (
    "Ban Thường vụ", "BTV", "Ban Chấp hành", "BCH", "Ban Thường trực", "Thường trực",
    "Ủy ban Kiểm tra", "UBKT", "Ủy ban Thường vụ", "Văn phòng", "Đảng đoàn",
    "Ban Cán sự Đảng", "Ban cán sự đảng", "Ban Cán sự đảng",
    "Ban Bí thư", "Hội đồng Thi đua - Khen thưởng", "Hội đồng Thi đua",
)
# Parents written without a body head (``Ban Chấp hành Trung ương Đảng``).
PARENT_WORDS: tuple[str, ...] = (
    # the Party's full name after ``Trung ương`` (``Ban chấp hành Trung ương Đảng Cộng sản
    # Việt Nam``, ``… Đảng Nhân dân Cách mạng Lào``): the longest name wins
    "Trung ương Đảng Cộng sản Việt Nam", "Trung ương Đảng Cộng sản VN",
    "Trung ương Đảng Nhân dân Cách mạng Lào", "Trung ương Đảng NDCM Lào",
    "Trung ương Đảng", "Trung ương Đoàn", "Trung ương", "TW Đảng", "TƯ Đảng", "TW", "TƯ",
    "T.Ư Đảng", "T.Ư",
    "trung ương",  # written in lower case after a name (``Bệnh viện Nhi trung ương``)
)

# Head nouns that need a descriptor (``Bộ`` + ``Tài chính``).
DESC_HEADS: tuple[str, ...] = (
    "Tổng công ty", "Công ty", "Tập đoàn", "Ngân hàng", "Tổng cục", "Chi cục", "Cục", "Bộ",
    "Sở", "Vụ", "Ban", "Ủy ban", "Hội đồng", "Học viện", "Viện", "Trường", "Đại học",
    "Bệnh viện", "Trung tâm", "Liên đoàn", "Liên hiệp", "Hiệp hội", "Hội", "Đoàn", "Phòng",
    "Báo", "Đài", "Tạp chí", "Quỹ", "Đảng bộ", "Đảng ủy", "Bộ Tư lệnh", "Quân khu",
    "Quân đoàn", "Sư đoàn", "Trung đoàn", "Lữ đoàn", "Tiểu đoàn", "Binh đoàn", "Hải đoàn",
    "Bộ đội", "Cảnh sát", "Tổng Liên đoàn", "Thông tấn xã",
    "Hợp tác xã", "Ban Quản lý", "Ban quản lý", "Ban Chỉ đạo", "Ban chỉ đạo",
    "Văn phòng", "Cơ quan", "Xí nghiệp", "Nông trường", "Lâm trường", "Câu lạc bộ", "CLB",
    "Liên bộ", "Tổng hội", "Quĩ", "Hãng", "Hãng thông tấn", "Đội", "Liên minh", "Cty", "CTy",
    "TCT", "HTX",
)
# Company heads that also head a name written in lower case (``công ty phân lân Văn Điển``).
LOWER_CASE_HEADS: tuple[str, ...] = ("công ty", "tổng công ty", "tập đoàn", "ngân hàng",
                                     "xí nghiệp", "liên bộ", "bộ", "sở", "cục", "tổng cục")
# Of these, the heads of state bodies: written in lower case they still head a name
# when the descriptor is the capitalised name of a ministry or department
# (``bộ Tài chính``, ``liên bộ Tài chính và Thương mại``), unless they end a
# compound word (``toàn bộ``, ``cơ sở``, ``trụ sở``).
LOWER_STATE_HEADS: frozenset[str] = frozenset({"liên bộ", "bộ", "sở", "cục", "tổng cục"})
COMPOUND_FIRSTS: frozenset[str] = frozenset(
    "toàn cán đồng nội tiến sơ trụ cơ bố kết hạ nhất từng quân thủy thuỷ bản phụ chủ".split()
)
# Heads that take a lower-case descriptor when a completing name or place follows
# (``Tổng công ty lương thực miền Nam``, ``công ty phân lân Văn Điển``,
# ``Quỹ đầu tư phát triển đô thị TP.HCM``); associations also before a predicate
# (``Hiệp hội giấy đề nghị``).
LOWER_DESC_HEADS: frozenset[str] = frozenset(
    {"công ty", "tổng công ty", "xí nghiệp", "nông trường", "lâm trường", "hợp tác xã", "cty",
     "tct", "htx",
     "quỹ", "quĩ", "hiệp hội", "tổng hội", "liên đoàn", "ngân hàng", "tập đoàn", "trung tâm",
     "viện", "ban quản lý"}
)
LOWER_DESC_BARE_OK: frozenset[str] = frozenset({"hiệp hội", "tổng hội"})
# Words that follow a complete noun phrase (a preposition or a sentence adverb): a
# short lower-case descriptor may end right before them (``Viện Khoa học hình sự cũng``).
NAME_END_WORDS: frozenset[str] = frozenset("thuộc của tại ở cũng đã sẽ đang vừa".split())
# Trades whose first syllable also starts verbs (``vận tải``, not ``vận động``).
TRADE_BIGRAMS: frozenset[tuple[str, str]] = frozenset(
    {("vận", "tải"), ("thực", "phẩm"), ("xuất", "nhập"), ("chuyển", "phát"), ("cấp", "nước"),
     ("cấp", "thoát"), ("thu", "mua"), ("giải", "trí"), ("bảo", "hiểm"), ("dự", "trữ"),
     ("dự", "án"), ("giải", "phóng"), ("kiến", "trúc"), ("kiến", "thiết")}
)
# Heads whose proper name may be one word (``Câu lạc bộ Paris``, ``Xí nghiệp Hòa Bình``).
SINGLE_NAME_HEADS: frozenset[str] = frozenset(
    {"công ty", "tổng công ty", "tập đoàn", "ngân hàng", "báo", "tạp chí", "câu lạc bộ", "clb",
     "cty", "tct", "htx",
     "xí nghiệp", "nông trường", "lâm trường", "hiệp hội", "tổng hội", "hãng",
     "hãng thông tấn"}
)
# Heads that only take a descriptor from the lexicon (too ambiguous otherwise:
# ``Vụ án``, ``Quỹ đất``, ``Đoàn công tác``).
LEXICON_ONLY_HEADS: frozenset[str] = frozenset(
    {"Vụ", "Quỹ", "Quĩ", "Cơ quan", "Bộ đội", "Cảnh sát", "Hội đồng", "Ủy ban", "Đoàn", "Đội",
     "Liên minh"}
)
# Heads whose body needs its completing place or parent (``Đảng bộ Quân sự tỉnh``
# is a body, ``Ban Chỉ đạo`` alone is not).
NEEDS_COMPLETION: frozenset[str] = frozenset({"Ban Quản lý", "Ban quản lý", "Ban Chỉ đạo",
                                              "Ban chỉ đạo", "Cơ quan"})

# Descriptors (the part after the head): ministries, departments, agencies,
# Party boards, mass organisations. Matched longest first.
DESCRIPTORS: tuple[str, ...] = (
    # ministries / departments
    "Tài chính", "Công an", "Quốc phòng", "Ngoại giao", "Nội vụ", "Tư pháp", "Công Thương",
    "Xây dựng", "Y tế", "Giáo dục và Đào tạo", "Giáo dục - Đào tạo", "GD&ĐT", "GD-ĐT",
    "GDĐT", "Khoa học và Công nghệ", "Khoa học - Công nghệ", "KH&CN", "KHCN",
    "Thông tin và Truyền thông", "TT&TT", "TTTT", "Văn hóa, Thể thao và Du lịch",
    "VH-TT&DL", "VHTTDL", "Văn hóa và Thể thao", "Văn hóa - Thể thao", "Văn hóa - Thông tin",
    "Văn hóa Thông tin", "Văn hóa", "Du lịch",
    "Lao động - Thương binh và Xã hội", "Lao động, Thương binh và Xã hội",
    "Lao động Thương binh và Xã hội", "Lao động, Thương binh - Xã hội",
    "Lao động - Thương binh - Xã hội", "LĐ-TB&XH", "LĐTB&XH", "LĐTBXH",
    "Kế hoạch và Đầu tư", "Kế hoạch - Đầu tư", "Kế hoạch Đầu tư", "KH&ĐT", "KHĐT", "KH-ĐT",
    "Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và PTNT", "NN&PTNT", "NNPTNT",
    "Nông nghiệp và Môi trường", "NN&MT", "Tài nguyên và Môi trường", "Tài nguyên - Môi trường",
    "Tài nguyên Môi trường", "TN&MT", "TNMT", "TN-MT", "Giao thông vận tải", "Giao thông - Vận tải",
    "GTVT", "GT-VT", "GD-ĐT", "KH-ĐT", "LĐ-TB-XH", "LĐ-TB&XH", "NN-PTNT", "TN-MT", "VH-TT",
    "VHTT", "BCVT", "Giao thông công chính", "GTCC", "Dân tộc và Tôn giáo", "Ngoại vụ", "Dân tộc",
    "Thương mại", "Công nghiệp", "Bưu chính Viễn thông", "Bưu chính, Viễn thông",
    "Bưu chính - Viễn thông", "Thủy sản",
    "Quy hoạch - Kiến trúc", "Quy hoạch Kiến trúc", "Khoa học, Công nghệ và Môi trường",
    "Địa chính", "Nội chính", "Thanh tra", "Tài chính - Kế hoạch", "Tài nguyên", "Kế hoạch",
    "Giáo dục", "Lao động", "Quản lý đô thị", "Kinh tế", "Kinh tế - Hạ tầng",
    "Kinh tế, Hạ tầng và Đô thị", "Văn hóa - Xã hội", "Văn hóa, Khoa học và Giáo dục",
    # agencies
    "Thuế", "Hải quan", "Viễn thông", "Thú y", "Thống kê", "Quản lý thị trường", "Kiểm lâm",
    "Cảnh sát giao thông", "Cảnh sát điều tra", "An ninh điều tra", "CSĐT", "ANĐT",
    "Cảnh sát kinh tế", "Cảnh sát hình sự", "Cảnh sát môi trường", "Cảnh sát quản lý hành chính",
    "Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", "Cảnh sát PCCC và CNCH",
    "Cảnh sát PCCC", "PCCC và CNCH", "PCCC",
    "Pháp chế", "Tổ chức cán bộ", "Kế hoạch - Tài chính", "Hợp tác quốc tế", "Bảo vệ thực vật",
    "Chăn nuôi", "Trồng trọt", "Đường bộ Việt Nam", "Hàng hải Việt Nam", "Hàng không Việt Nam",
    "Đường sắt Việt Nam", "Quản lý xây dựng", "Quản lý đất đai", "Phòng cháy chữa cháy",
    "Dân số", "Khuyến nông", "Chuyển đổi số", "Tin học hóa", "Báo chí", "Xuất bản",
    "Đầu tư nước ngoài", "Kế toán", "Tài chính - Kế toán", "Tài chính Kế toán",
    "Chính sách tiền tệ", "Tín dụng", "Ngân sách nhà nước", "Quản lý ngoại hối", "Vật giá",
    "Thanh toán", "Dự báo thống kê", "Ổn định tiền tệ", "Quản lý giá", "Quản lý công sản",
    "Tài chính doanh nghiệp", "Đầu tư", "Chứng khoán", "Bảo hiểm", "Kho bạc",
    "Đổi mới doanh nghiệp", "Đổi mới và Phát triển doanh nghiệp", "Xuất nhập khẩu",
    "Quản lý cạnh tranh", "Phòng vệ thương mại", "Công nghiệp nhẹ", "Công nghiệp nặng",
    "Cảnh sát", "An ninh", "Xây dựng lực lượng", "Hậu cần - Kỹ thuật", "Luật sư", "Năng lượng",
    "Sinh viên", "Nạn nhân chất độc da cam/dioxin Việt Nam", "Bảo trợ trẻ em",
    "Bảo trợ người tàn tật và trẻ mồ côi",
    "Thể dục Thể thao", "Đất đai", "Kế hoạch Tài chính", "Liên hợp",
    # performing troupes (``Đoàn Nghệ thuật Quân khu 2``, ``Nhà hát Ca múa nhạc``)
    "Nghệ thuật", "Văn công", "Ca múa nhạc", "Ca múa", "Kịch nói", "Chèo", "Cải lương", "Xiếc",
    "Tuồng",
    # Party boards / committee bodies
    "Tuyên giáo và Dân vận", "Tuyên giáo", "Dân vận", "Tổ chức", "Đối ngoại", "Kiểm tra",
    "Chính sách, chiến lược", "Bảo vệ, chăm sóc sức khỏe cán bộ", "Bảo vệ sức khỏe cán bộ",
    "Kinh tế - Ngân sách", "Pháp chế", "Văn hóa - Xã hội", "Đô thị", "Tư tưởng - Văn hóa",
    "Tư tưởng Văn hóa", "Khoa giáo", "Thi đua - Khen thưởng", "Thi đua Khen thưởng",
    "Tài chính - Ngân sách", "Kinh tế và Ngân sách", "Quốc phòng và An ninh",
    "Quốc phòng, An ninh và Đối ngoại", "Pháp luật", "Tư pháp", "Xã hội", "Các vấn đề xã hội",
    "Khoa học, Công nghệ và Môi trường", "Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng",
    "Văn hóa, Giáo dục", "Công tác đại biểu",
    "Nội chính Trung ương", "Quân sự", "Khối các cơ quan", "Khối Doanh nghiệp",
    "Khối cơ quan và doanh nghiệp", "Khối các cơ quan và doanh nghiệp",
    "Quản lý dự án", "Quản lý dự án đầu tư xây dựng", "Quản lý dự án đầu tư và xây dựng",
    # mass organisations
    "Liên hiệp Phụ nữ Việt Nam", "Liên hiệp Phụ nữ", "LHPN", "Nông dân Việt Nam", "Nông dân",
    "Cựu chiến binh Việt Nam", "Cựu chiến binh", "Chữ thập đỏ Việt Nam", "Chữ thập đỏ",
    "Thanh niên Cộng sản Hồ Chí Minh", "TNCS Hồ Chí Minh", "Thanh niên", "Người cao tuổi",
    "Khuyến học", "Nhà báo Việt Nam", "Nhà báo", "Luật gia Việt Nam", "Luật gia",
    "Doanh nghiệp nhỏ và vừa", "Doanh nghiệp", "Doanh nhân trẻ", "Liên hiệp thanh niên Việt Nam",
    "Sinh viên Việt Nam", "Lao động", "Nạn nhân chất độc da cam/dioxin",
    "Nạn nhân chất độc da cam",
    # centres / institutes
    "Phục vụ hành chính công", "Hành chính công", "Y tế dự phòng", "Kiểm soát bệnh tật",
    "Xúc tiến đầu tư, thương mại và du lịch", "Xúc tiến đầu tư", "Xúc tiến thương mại",
    "Phát triển quỹ đất", "Văn hóa - Thể thao", "Truyền thông", "Chính trị",
    "Điều hành đô thị thông minh", "Dự báo khí tượng thủy văn", "Khí tượng thủy văn",
    "Kiểm sát nhân dân", "Hàn lâm Khoa học xã hội Việt Nam",
    "Hàn lâm Khoa học và Công nghệ Việt Nam", "Đa khoa", "Nhi", "Sản nhi", "Phụ sản",
    "Chợ Rẫy", "Bạch Mai", "Cộng sản", "Nhân dân", "Quân đội nhân dân", "Công an nhân dân",
    "Lao động", "Tiền phong", "Thanh niên", "Người Lao Động", "Người Lao động",
    "Phát thanh và Truyền hình", "Phát thanh - Truyền hình", "Truyền hình", "Tiếng nói",
    "Truyền hình Việt Nam", "Tiếng nói Việt Nam", "Cấp nước", "Thoát nước",
    "Thoát nước đô thị", "Điện lực", "Môi trường đô thị", "Công trình đô thị",
    "Xổ số kiến thiết", "Đường sắt", "Bưu điện", "Công trình giao thông",
    "Tổng Tham mưu", "Chính trị", "Hậu cần", "Kỹ thuật", "Công nghiệp quốc phòng",
    # flood and dyke control (``Chi cục phòng chống lụt bão và quản lý đê điều``)
    "Phòng chống lụt bão và Quản lý đê điều", "Phòng, chống lụt bão và Quản lý đê điều",
    "Quản lý đê điều và Phòng chống lụt bão", "Phòng chống lụt bão", "Quản lý đê điều",
    "Đê điều", "Thủy lợi", "Khí tượng thủy văn", "Khí tượng Thủy văn",
    # arms of a military unit (``Lữ đoàn Công binh 293``, ``Sư đoàn Phòng không 361``)
    "Không quân", "Hải quân", "Phòng không", "Phòng không - Không quân", "Công binh",
    "Pháo binh", "Đặc công", "Tăng thiết giáp", "Bộ binh", "Thông tin liên lạc",
    "Quản lý vốn nhà nước tại doanh nghiệp", "Chứng khoán Nhà nước", "Dân nguyện",
    "Bầu cử quốc gia", "Thường vụ Quốc hội", "TVQH", "An toàn giao thông quốc gia",
    "An toàn giao thông", "Chính sách xã hội", "Phát triển Việt Nam",
    "Ngoại thương Việt Nam", "Công Thương Việt Nam", "Đầu tư và Phát triển Việt Nam",
    "Nông nghiệp và Phát triển Nông thôn Việt Nam",
)


def _old_spellings(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """``phrases`` and their pre-reform spellings with ``qui``/``quĩ`` for ``quy``/``quỹ``
    (``Sở Qui hoạch - Kiến trúc``, common in 2000s news; normalisation keeps spellings)."""
    old = {"Quy": "Qui", "quy": "qui", "Quỹ": "Quĩ", "quỹ": "quĩ"}
    extra = []
    for p in phrases:
        q = re.sub(r"\b(Quy|quy|Quỹ|quỹ)\b", lambda m: old[m.group(1)], p)
        if q != p and q not in phrases:
            extra.append(q)
    return phrases + tuple(extra)


DESCRIPTORS = _old_spellings(DESCRIPTORS)

# Business legal forms between ``Công ty``/``Ngân hàng`` and the name.
LEGAL_FORMS: tuple[str, ...] = (
    "TNHH MTV", "TNHH một thành viên", "TNHH", "Cổ phần", "cổ phần", "CP", "CTCP", "TMCP",
    "Thương mại cổ phần", "Thương mại Cổ phần", "Liên doanh", "liên doanh", "Trách nhiệm hữu hạn",
    "trách nhiệm hữu hạn", "MTV", "Tập đoàn", "thương mại cổ phần", "TNHH Nhà nước MTV",
    "TNHH Nhà nước một thành viên",
)

# Topics of steering committees (``Ban Chỉ đạo … về phòng, chống tham nhũng``).
STEERING_TOPICS: tuple[str, ...] = (
    "phòng, chống tham nhũng, lãng phí, tiêu cực", "phòng, chống tham nhũng, tiêu cực",
    "phòng chống tham nhũng, tiêu cực", "phòng, chống tham nhũng", "phòng chống tham nhũng",
    "phòng, chống tham nhũng, lãng phí", "phòng chống tham nhũng, lãng phí",
    "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    "cải cách hành chính", "chuyển đổi số", "xây dựng nông thôn mới",
    "các chương trình mục tiêu quốc gia", "phòng, chống dịch Covid-19",
    "phòng chống dịch Covid-19", "phòng, chống thiên tai", "phòng chống thiên tai",
    "phòng, chống thiên tai và tìm kiếm cứu nạn", "tìm kiếm cứu nạn",
    "phòng chống lụt bão", "phòng, chống lụt bão", "phòng tránh lụt bão", "phòng, tránh lụt bão",
    "phòng chống lụt bão và tìm kiếm cứu nạn", "phòng, chống lụt, bão", "phòng chống lụt, bão",
    "thi hành án dân sự", "thi hành án",
    "bầu cử", "phòng, chống tội phạm", "phòng chống tội phạm", "giải phóng mặt bằng",
    "an toàn thực phẩm", "an toàn giao thông", "phòng chống dịch cúm gia cầm",
    "phòng, chống dịch cúm gia cầm", "phòng, chống dịch", "phòng chống dịch",
    "Tây Bắc", "Tây Nguyên", "Tây Nam Bộ", "Nam Bộ",
)

# School types after ``Trường`` (``Trường Sa``, ``Trường Sơn`` are places).
SCHOOL_TYPES: tuple[str, ...] = (
    "Đại học", "ĐH", "ĐHDL", "Cao đẳng", "CĐ", "THPT", "THCS", "Tiểu học", "TH", "Mầm non", "MN",
    "THPT chuyên", "Trung học phổ thông chuyên", "Trung cấp", "Chính trị", "Sĩ quan", "Quân sự",
    "Bồi dưỡng", "Phổ thông", "PTDTNT",
    "Dân tộc nội trú",
)

# --- abbreviations -------------------------------------------------------------

# Abbreviations that name one specific body wherever they stand.
ABBREVIATIONS: frozenset[str] = frozenset(
    # international
    "UNESCO UNICEF UNDP UNFPA UNHCR UNIDO UNCTAD UN WHO WTO FAO ILO IMF WB ADB AIIB ASEAN APEC "
    "EU EC ECB OECD OPEC WEF JICA KOICA USAID JBIC JETRO Jetro IAEA IPU AIPA ASEM NATO "
    "GIZ AFD IFC FED Fed "
    # Vietnamese state / Party
    "QH UBTVQH NHNN KTNN VCCI VKSNDTC TANDTC BCHTƯ BCHTW UBKTTƯ UBKTTW "
    # media
    "TTXVN VTV VOV VNA PLVN QĐND CAND SGGP NLĐ TTO VTC HTV NLĐO VnExpress VietNamNet "
    "Vietnamnet VietnamNet AFP Reuters Xinhua CNN Bloomberg "
    # state groups and well-known companies
    "EVN PVN TKV VNPT Viettel Vinacomin Petrolimex Vietcombank VietinBank Vietinbank BIDV "
    "Agribank Techcombank MB VPBank Sacombank ACB SHB HDBank TPBank VIB SeABank MSB OCB "
    "Vingroup Vinamilk Sabeco Habeco FPT Masan Vinaconex VNPost Vietjet "
    "VietnamAirlines Sawaco SAWACO Becamex Vinalines Vinashin Vinatex Vinafood VEC ACV "
    "PetroVietnam Petrovietnam SCIC Mobifone MobiFone Vietsovpetro".split()
)
# Sectors an inspectorate is named by before its body or place (``Thanh tra giao thông Sở
# GTCC TP``, ``Thanh tra xây dựng quận 1``), longest first.
INSPECTION_SECTORS: tuple[str, ...] = (
    "giao thông công chính", "giao thông vận tải", "xây dựng đô thị", "tài nguyên môi trường",
    "tài nguyên và môi trường", "lao động thương binh xã hội", "kế hoạch đầu tư",
    "giao thông", "xây dựng", "lao động", "thuế", "tài chính", "y tế", "giáo dục", "đất đai",
    "môi trường", "tài nguyên", "văn hóa", "thông tin", "công thương", "nông nghiệp",
    "thủy sản", "quy hoạch", "kế hoạch", "địa chính", "nhà đất",
)
# Newspapers named without ``Báo`` (``Trao đổi với Thanh Niên``, ``phóng viên Tuổi Trẻ``),
# written as the paper writes its name (every syllable capitalised). Each is also a common
# phrase (``thanh niên`` = young people, ``lao động`` = labour), so ``orgs`` takes them only
# in a context that makes them a paper (MEDIA_CONTEXT before, or ``Online`` after).
MEDIA_NAMES: tuple[str, ...] = (
    "Tuổi Trẻ", "Thanh Niên", "Người Lao Động", "Lao Động", "Sài Gòn Giải Phóng", "Tiền Phong",
    "Dân Trí", "Nhân Dân", "Hà Nội Mới", "Đại Đoàn Kết", "Pháp Luật", "Sài Gòn Tiếp Thị",
    "Kinh Tế Sài Gòn", "An Ninh Thủ Đô", "Quân Đội Nhân Dân", "Công An Nhân Dân",
    "Nông Thôn Ngày Nay", "Văn Nghệ", "Thể Thao", "Đầu Tư", "Diễn Đàn Doanh Nghiệp",
)
# Words right before a paper's name that make it the paper: a lower-case ``báo``/``tờ``
# (the generic head stays outside, guideline), a reporter, a source or an addressee.
MEDIA_CONTEXT: tuple[str, ...] = (
    "báo", "tờ", "tạp chí", "phóng viên", "pv", "theo", "với", "trả lời", "trên", "như", "(",
)
# ``theo`` after these is "along" (``dọc theo Thanh Niên``: the street), not a source.
MEDIA_NOT_AFTER: frozenset[str] = frozenset({"dọc", "men", "chạy", "đi"})
# A bracket holds a paper (``(Tuổi Trẻ ngày 27-12)``, ``(Thanh Niên đã thông tin)``) when
# one of these follows its name; ``(Tiền Phong, Mê Linh)`` is a commune.
MEDIA_IN_BRACKET_NEXT: frozenset[str] = frozenset({")", "ngày", "số", "đã", "vừa"})
# Abbreviations only tagged in brackets or as a byline (too ambiguous bare).
BYLINE_ONLY: frozenset[str] = frozenset({"NLĐ"})

# Place heads that name a facility; a capitalised name after its product words
# is the company that owns it (``Nhà máy ô tô Thành Công``).
FACILITY_HEADS: tuple[str, ...] = ("Nhà máy", "nhà máy")
# First words of heads that also name a building; after ``dự án``/``công trình`` they
# name the project's facility (``dự án Trung tâm Hội nghị tỉnh``).
FACILITY_TYPE_HEADS: frozenset[str] = frozenset({"trung", "trường", "bệnh", "nhà", "khu"})
# Product words after which the facility is named by its place, not its owner.
FACILITY_PLACE_WORDS: frozenset[str] = frozenset(
    {"điện", "nhiệt", "thủy", "thuỷ", "gió", "mặt", "trời", "lọc", "hóa", "dầu", "nước"}
)

# --- names after a generic description ------------------------------------------

# Lower-case nouns that describe an organisation before its proper name; the
# guideline keeps them outside the span (``tập đoàn [NIDEC]``, ``doanh nghiệp tư
# nhân [Hiệp Lực]``, ``tạp chí Mỹ [Forbes]``).
GENERIC_ORG_NOUNS: tuple[str, ...] = (
    "tập đoàn", "công ty", "tổng công ty", "hãng", "hãng tin", "hãng thông tấn", "tạp chí",
    "tờ báo", "nhật báo", "tuần báo", "báo điện tử", "ngân hàng", "nhà băng",
    "doanh nghiệp tư nhân", "đài truyền hình", "đài", "quỹ đầu tư", "cơ sở",
)
# Of these, the ones too common as plain nouns (``trên cơ sở``): their name must look
# like a coined or foreign name (``cơ sở giáo dục Kenta``, ``tổ chức SITC``).
WEAK_GENERIC_NOUNS: frozenset[str] = frozenset({"cơ sở", "đài"})
# Of these, the newspapers: their name follows at once (``tờ báo Sin Chew Daily``).
NAME_AT_ONCE_NOUNS: frozenset[str] = frozenset({"tờ báo", "nhật báo", "tuần báo", "báo điện tử"})
# Words right before a foreign name that present it as an organisation (``đảng``).
ACRONYM_CONTEXT: frozenset[str] = frozenset(
    {"đảng", "hãng", "đoàn", "gia", "ty", "hàng", "chức", "hội", "nhóm", "quỹ"}
)
# Syllables before which a generic noun is the end of another word (``thông báo``,
# ``cơ sở`` in ``trụ sở``): the description does not start there.
GENERIC_COMPOUND_FIRSTS: frozenset[str] = frozenset(
    "thông cảnh dự tình họp nhà bài trụ đối ban".split()
)
# Words in a description that make what follows a place (``trung tâm thủ đô Bangkok``).
GEO_NOUNS: frozenset[str] = frozenset(
    "thủ đô phủ bang vùng khu đảo sông núi phố đường quận huyện tỉnh xã nước miền châu "
    "thành thị làng bản ấp".split()
)
# All-caps words that are not organisations (indicators, units, kinds of firm).
NON_ORG_ACRONYMS: frozenset[str] = frozenset(
    "GDP GRDP GNP GNI FDI ODA CPI PCI PAPI PAR SIPAS DDCI DTI USD VND VNĐ EUR JPY ICT IT CNTT "
    "HĐQT HĐTV DN DNNN DNTN SME KCN KKT CCN BOT BT PPP THPT THCS ĐH CĐ ATGT ATTP PCCC HIV "
    "AIDS COVID TNGT GPMB NSNN XDCB NTM OCOP CSDL TP TX KT XH CN NN TW TƯ CP TNHH MTV TMCP "
    "CTCP ĐT ĐBQH HĐ UB QĐ NQ TT CV KH BC TB SMS CEO CFO CIF FOB VAT TTCK IPO M&A OTC "
    "XNK TM DV SX XD TMDV SXTM FM AM TV GPS DVD CD USB ADSL GSM CDMA VĐV HLV CLB".split()
)
# Words that end a company's foreign name (``Shin Corp``, ``Advanced Info Service Pcl``).
CORPORATE_SUFFIXES: frozenset[str] = frozenset(
    "Corp Corporation Inc Ltd Limited Group Pcl PCL Plc PLC JSC Holdings Holding GmbH LLC "
    "Company".split()
)
