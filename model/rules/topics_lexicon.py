"""Topic lexicons: per topic, weighted cues (regex, weight, group) that name its vocabulary.

Data only; ``phogov.rules.topics`` compiles and scores them. Patterns are matched at word
boundaries, case-insensitively unless ``cs=True`` (see ``Cue``).
"""

from __future__ import annotations

from dataclasses import dataclass

# Boundaries for Vietnamese words: \w covers letters with diacritics and digits.
_B = r"(?<!\w)"
_E = r"(?!\w)"
_DASH = r"\s*[-–—]\s*"
# "dự" as "attend", not the first syllable of dự án, dự toán, dự kiến, dự thảo, …
_DU = (r"dự(?! (?:án|toán|kiến|thảo|báo|trữ|phòng|định|tính|thi|tuyển|bị|khuyết|luật|đoán|"
       r"liệu|trù|phần|chi|thầu|ước)(?!\w))")
# A money amount with its unit (the MONEY family's core, enough for a topic hint).
_MONEY = (r"\d[\d.,]*\s*(?:(?:tỷ|tỉ|triệu|nghìn|ngàn|trăm)\s*)+(?:đồng|USD|VND|EUR|euro|đô la)|"
          r"\d[\d.,]*\s*(?:USD|VND|EUR)|(?:tỷ|tỉ|triệu|nghìn|ngàn) (?:đồng|USD)")


@dataclass(frozen=True)
class Cue:
    """One lexicon entry. ``group``: cues of one group contribute only their max weight."""

    pattern: str
    weight: float
    group: str | None = None
    case_sensitive: bool = False


def _c(pattern: str, weight: float, group: str | None = None, cs: bool = False) -> Cue:
    return Cue(pattern, weight, group, cs)


# ---------------------------------------------------------------------------------------------
# Lexicons. Weights: ~0.8-0.95 the term alone names the topic; ~0.5-0.7 usually does;
# <0.5 a hint that needs another cue. Patterns are matched at word boundaries.
# ---------------------------------------------------------------------------------------------

PARTY: list[Cue] = [
    # Party building and rectification
    _c(r"xây dựng(,? (và )?chỉnh đốn)? Đảng", 0.9),
    _c(r"chỉnh đốn Đảng", 0.9),
    _c(r"công tác (xây dựng )?Đảng", 0.85),
    _c(r"trong Đảng", 0.6, cs=True),  # cải cách hành chính trong Đảng, dân chủ trong Đảng
    _c(r"tổ chức (cơ sở )?đảng", 0.5),
    _c(r"đảng viên", 0.8),
    _c(r"kết nạp", 0.7),
    # the Party's own conduct and membership told without the building vocabulary
    # (``gia nhập Đảng Cộng hòa`` is another country's party)
    _c(r"(gia nhập|vào) Đảng(?! (?!Cộng sản)[A-ZĐ])|Đảng (ta )?(phải|cần)|"
       r"(giữa )?Đảng (và|với) (nhân )?dân", 0.6, cs=True),
    _c(r"chi bộ", 0.7),
    _c(r"đảng ủy viên|cấp ủy viên", 0.6),
    _c(r"tập trung dân chủ", 0.8),
    _c(r"nêu gương", 0.7),
    _c(r"kiểm điểm|tự phê bình|phê bình và tự phê bình", 0.6),
    # moral/political decline of cadres, not an economic recession
    _c(r"suy thoái (về )?(tư tưởng|chính trị|đạo đức|lối sống)|"
       r"(ngăn chặn,? )?đẩy lùi (sự )?suy thoái", 0.85),
    _c(r"tự diễn biến|tự chuyển hóa", 0.85),
    _c(r"bảo vệ nền tảng tư tưởng", 0.9),
    _c(r"công tác chính trị,? tư tưởng|công tác tư tưởng", 0.8),
    _c(r"đạo đức,? lối sống", 0.6),
    _c(r"lý luận chính trị", 0.7),
    _c(r"chủ nghĩa Mác|Mác\s*[-–]\s*Lê\s*nin|Mac\s*[-–]\s*Lênin|tư tưởng Hồ Chí Minh", 0.7),
    _c(r"tin(?: tưởng)?(?: hơn)? vào (?:sự lãnh đạo của )?Đảng", 0.7),
    _c(r"niềm tin[^.;:]{0,40} (?:với|vào|đối với) Đảng", 0.7),
    _c(r"quyết tâm chính trị", 0.3),
    _c(r"hệ thống chính trị", 0.4),
    # Congresses and Party committee organisation
    _c(r"đại hội (đại biểu )?(đảng|chi bộ)", 0.8),
    _c(r"đại hội [IVXLC]+ (của )?đảng", 0.8),
    _c(r"nhân sự (đại hội|cấp ủy|khóa)", 0.8),
    _c(r"quy chế làm việc", 0.3),
    _c(r"zzpartyref", 0.35),  # a resolution of a Party congress cited as a yardstick (masked)
    # Party leadership: "lãnh đạo" as the Party's role, a hint that needs an actor
    _c(r"sự lãnh đạo|vai trò lãnh đạo|năng lực lãnh đạo|lãnh đạo,? chỉ đạo|đã lãnh đạo", 0.3,
       group="lead"),
    # Party bodies as actors: alone they do not make a sentence about Party work
    _c(r"Đảng bộ|Đảng ủy|cấp ủy|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Ban Chấp hành|BCH|"
       r"Ban Thường vụ|Bộ Chính trị|Ban Bí thư|Trung ương Đảng|TW Đảng|MTTQ|"
       r"Mặt trận Tổ quốc|đoàn thể|tổ chức chính trị ?- ?xã hội", 0.35, group="actor"),
    # capitalised: the Party itself; "Đảng Dân chủ", "Đảng Thai Rak Thai" are other parties
    _c(r"Đảng(?! (?!Cộng sản|Nhà|Đoàn)[A-ZĐ])", 0.35, group="actor", cs=True),
    # Inspection, supervision, discipline, anti-corruption
    _c(r"kiểm tra,? giám sát", 0.8, group="party_insp"),
    _c(r"kiểm tra của Đảng|kiểm tra Đảng|Ủy ban Kiểm tra|UBKT", 0.85),
    _c(r"kiểm tra", 0.3, group="insp"),
    _c(r"giám sát", 0.35, group="insp"),
    _c(r"kỷ luật (Đảng|đảng viên)|thi hành kỷ luật", 0.85),
    _c(r"kỷ luật", 0.5),
    _c(r"tham nhũng", 0.85),
    _c(r"bao che|dung túng", 0.55),
    _c(r"rút ruột|tham ô|hối lộ|nhũng nhiễu|vòi vĩnh|lợi ích nhóm|chạy chức|chạy quyền|"
       r"lạm dụng chức vụ|lợi dụng chức vụ|thoái hóa,? biến chất", 0.8),
    # "tiêu cực" is malpractice; "tác động tiêu cực" is a negative effect
    _c(r"(?<!tác động )(?<!ảnh hưởng )(?<!mặt )(?<!yếu tố )(?<!tâm lý )(?<!thông tin )"
       r"(?<!xu hướng )(?<!hưởng )(?<!động )tiêu cực", 0.6),
    # waste and losses of public money: anti-waste is Party work (the guideline's anti-corruption)
    _c(r"lãng phí|thất thoát|chiếm dụng", 0.6),
    _c(r"khối tài sản|tài sản bất minh|tài sản khổng lồ", 0.55),  # an official's wealth
    # cadres held to account and disciplined
    _c(r"cách chức|khai trừ|khiển trách|(kỷ luật|hình thức) cảnh cáo|hạ bậc lương|"
       r"buộc thôi việc|đình chỉ (công tác|chức vụ|sinh hoạt đảng)|tạm đình chỉ công tác", 0.75),
    _c(r"(xử lý|kiểm điểm|làm rõ|xem xét) trách nhiệm|trách nhiệm (của )?người đứng đầu|"
       r"xử lý nghiêm (cán bộ|các sai phạm|sai phạm)", 0.65),
    # an official's share of the blame for misconduct, and the cronies around him
    _c(r"(thừa nhận|đùn đẩy|né tránh|trốn tránh|đổ) (một phần |toàn bộ |hết )?trách nhiệm|"
       r"chịu trách nhiệm (về|với) (những |các |toàn bộ )?(sai phạm|vi phạm|vụ việc|hậu quả)|"
       r"đổ (hết |hoàn toàn )?lỗi|dung dưỡng|tiếp tay|sân sau|bảo kê", 0.6),
    _c(r"kê khai tài sản|minh bạch tài sản|tài sản,? thu nhập", 0.75),
    # abuse of office for private gain, and a Party committee's team verifying it
    _c(r"(sử dụng|dùng|lợi dụng) quyền lực (để|nhằm)|lạm quyền|lộng quyền", 0.6),
    # (a visiting ``đoàn công tác của Tỉnh ủy`` is a delegation, not an inspection)
    _c(r"(tổ (công tác|kiểm tra|xác minh)|đoàn (kiểm tra|xác minh)) (của )?"
       r"(Tỉnh|Thành|Huyện|Quận|Thị|Đảng) ủy", 0.75),
    _c(r"nội chính", 0.85),  # guideline: nội chính is PARTY and SECURITY
    # Personnel work (cadres)
    _c(r"công tác cán bộ", 0.9),
    _c(r"(quy|qui) hoạch cán bộ", 0.9),
    _c(r"đội ngũ cán bộ", 0.7),
    _c(r"cán bộ (chủ chốt|trẻ|lãnh đạo|diện|nữ|dự nguồn|cấp cao|cấp (trưởng|phó))|"
       r"lãnh đạo chủ chốt", 0.6),
    _c(r"luân chuyển", 0.75),
    _c(r"điều động", 0.4),  # also troops and machines; cadre rotation has company
    _c(r"bổ nhiệm", 0.7),
    _c(r"chỉ định (đồng chí|tham gia|giữ|làm|bổ sung|vào|ủy viên)", 0.6),
    _c(r"kiện toàn", 0.6),
    _c(r"đào tạo,? bồi dưỡng cán bộ|bồi dưỡng cán bộ", 0.8),
    _c(r"vị trí lãnh đạo|chức danh lãnh đạo", 0.5),
    _c(r"trao quyết định", 0.55),  # in gov news a handed-over decision is a personnel one
    _c(r"phân công (công tác|nhiệm vụ|phụ trách)|(tạm )?giao (lại )?(một số )?phần việc|"
       r"thôi (giữ )?chức|giới thiệu (nhân sự|ứng cử)|(công tác|kiện toàn) nhân sự|"
       r"nhân sự (chủ chốt|lãnh đạo|cấp ủy)", 0.55),
    # Propaganda, mass mobilisation, emulation
    _c(r"tuyên truyền", 0.7),
    _c(r"quán triệt", 0.7),
    _c(r"học tập và làm theo|tư tưởng, đạo đức, phong cách Hồ Chí Minh", 0.85),
    _c(r"dân vận", 0.9),
    _c(r"vận động (Nhân dân|quần chúng)", 0.8),
    _c(r"cuộc vận động|công tác vận động", 0.7),
    _c(r"vận động", 0.3),
    _c(r"thi đua", 0.85),
    _c(r"khen thưởng", 0.5),
]

ECONOMY: list[Cue] = [
    _c(r"kinh tế", 0.7),
    _c(r"kinh tế" + _DASH + r"xã hội|KT" + _DASH + r"XH", 0.85),
    _c(r"phát triển kinh tế|tăng trưởng kinh tế|cơ cấu kinh tế", 0.9),
    _c(r"tăng trưởng", 0.8),
    _c(r"GRDP|GDP|GNI", 0.9, cs=True),
    _c(r"giá trị sản xuất", 0.9),
    _c(r"sản xuất", 0.45),
    _c(r"năng suất", 0.45),
    # Public finance
    _c(r"ngân sách", 0.8),
    _c(r"thu nội địa|nguồn thu|thu ngân sách|chi ngân sách|chi thường xuyên|chi đầu tư", 0.9),
    _c(r"số thu|khoản thu|khoản chi|kinh phí|chi thêm|chi trả", 0.5),
    _c(r"dự toán", 0.5),
    _c(r"thuế", 0.7),
    _c(r"tiền sử dụng đất|tiền đất|tiền thuê đất|thuê đất|giao đất|cho thuê|quỹ đất|"
       r"thu hồi đất|đền bù|(di dời,? )?giải tỏa (mặt bằng|nhà|công trình)|"
       r"bồi thường,? hỗ trợ", 0.65),
    _c(r"tài chính", 0.45),
    _c(r"tín dụng|ngân hàng|lãi suất|chứng khoán|lạm phát|chỉ số giá", 0.7),
    _c(r"giá (cả|xăng|dầu|điện|vàng|bán|thành|cước|nhà|đất|gạo|lúa|thuê|mua|trần|sàn|"
       r"thị trường|tiêu dùng|sinh hoạt|nhiên liệu|than|xi măng|thép|phân bón|cổ phiếu|vé|"
       r"ưu đãi|xuất khẩu|nhập khẩu|hàng hóa|nông sản|thực phẩm|lương thực|\d)|"
       r"(tăng|giảm|bình ổn|điều chỉnh|tụt|hạ|đội|mở|khung|mức|bảng|biên độ|đơn|thời|với|"
       r"theo) giá", 0.65),
    # a unit price: "245 USD/tấn", "23,5 triệu đồng/m2"
    _c(r"(USD|đồng|VND)\s*/\s*(tấn|kg|m2|m²|thùng|lít|lượng|thùng|ha|tạ)", 0.7),
    _c(r"nợ|chủ nợ|nợ (nần|đọng|công|xấu)|xóa nợ|trừ nợ|giãn nợ|vay|cho vay|vay vốn|"
       r"tiền gửi|gửi tiết kiệm|huy động (vốn|được)|lãi|tiền lãi|lợi tức|cổ tức|"
       r"cổ phiếu|trái phiếu|cổ phần|cổ đông|góp vốn|hùn vốn|sang nhượng|chuyển nhượng|"
       r"doanh thu|lợi nhuận|thua lỗ|bị lỗ|lỗ (ròng|lũy kế)|thất thu|thanh toán|trả chậm", 0.65),
    _c(r"nhà thầu|đấu thầu|trúng thầu|gói thầu|chỉ định thầu|hợp đồng kinh tế", 0.7),
    _c(r"cung cầu|tiêu thụ|sức mua|tồn kho|hàng hóa|mặt hàng", 0.6),
    _c(r"%\s*/\s*(tháng|năm)", 0.6),  # a rate per month or year: interest
    _c(r"chi phí|khách hàng", 0.4),
    _c(r"bất động sản|thị trường nhà đất", 0.8),
    _c(r"lệ phí|thu phí|phí tham quan", 0.5),
    # Investment, projects, infrastructure
    _c(r"đầu tư công|giải ngân|tổng mức đầu tư|vốn đầu tư|thu hút đầu tư|nhà đầu tư", 0.9),
    _c(r"đầu tư", 0.65),
    _c(r"FDI|ODA|PPP", 0.85, cs=True),
    _c(r"vốn", 0.5),
    _c(r"dự án(?! luật| pháp lệnh| nghị quyết| nghị định)", 0.6),  # a bill is not a project
    _c(r"công trình (trọng điểm|giao thông|hạ tầng)", 0.75),
    _c(r"công trình", 0.4),
    # "thực thi công vụ" contains the syllables "thi công": not construction.
    _c(r"khởi công|(?<!thực )thi công(?! vụ)|chủ đầu tư", 0.8),
    _c(r"hạ tầng", 0.75),
    _c(r"giao thông", 0.45),
    # a sector, not the name of a body that manages it ("Cục Viễn thông", "Bộ Giao thông vận tải")
    _c(r"(?<!cục )(?<!bộ )(?<!sở )(?<!vụ )(?<!ban )(?<!thông tin và )(?<!giao thông )"
       r"(?:hệ thống giao thông|giao thông công cộng|xe buýt|vận tải|đường sắt|hàng không|"
       r"sân bay|viễn thông|bưu chính|cước|điện lực|cấp điện)", 0.65),
    _c(r"giải phóng mặt bằng|GPMB|tái định cư", 0.75),
    _c(r"di dời", 0.45),
    _c(r"(quy|qui) hoạch", 0.75, group="plan"),  # except cadre planning, see _plan_is_cadre
    _c(r"khu đô thị|chỉnh trang (đô thị)?|hiện đại hóa đô thị|phát triển đô thị", 0.6),
    _c(r"đô thị(?! văn minh)", 0.35),
    _c(r"nguồn lực", 0.35),
    _c(r"tỷ đồng|tỉ đồng|triệu USD|tỷ USD|tỉ USD|nghìn tỷ", 0.4, group="money"),
    _c(_MONEY, 0.4, group="money"),
    # Enterprise, sectors, trade
    _c(r"doanh nghiệp nhỏ và vừa|phát triển doanh nghiệp|hỗ trợ doanh nghiệp", 0.8),
    _c(r"doanh nghiệp nhà nước|DNNN|cổ phần hóa|thoái vốn|sắp xếp,? đổi mới doanh nghiệp", 0.85),
    _c(r"doanh nghiệp", 0.45),
    _c(r"công ty|tập đoàn|tổng công ty", 0.35),
    _c(r"kinh doanh", 0.6),
    _c(r"môi trường đầu tư|môi trường kinh doanh", 0.85),
    _c(r"du lịch|du khách|lượt khách|khách quốc tế|lữ hành|thu hút khách", 0.8),
    _c(r"thương mại", 0.6),
    _c(r"xuất khẩu|nhập khẩu|xuất nhập khẩu|kim ngạch", 0.85),
    _c(r"logistics|cảng biển|hàng hóa qua cảng", 0.7),
    _c(r"công nghiệp", 0.6),
    _c(r"khu công nghiệp|cụm công nghiệp|khu kinh tế|khu thương mại tự do", 0.9),
    _c(r"nông nghiệp|thủy sản|lâm nghiệp|chăn nuôi|trồng trọt", 0.6),
    _c(r"hợp tác xã|OCOP", 0.6),
    # public administrative services ("dịch vụ công") are GOVERNANCE
    _c(r"dịch vụ(?! công(?! (?:cộng|ích|nghệ|nghiệp|ty|cụ|trình|nhân)(?!\w)))", 0.45),
    _c(r"thị trường", 0.5),
    _c(r"năng lượng", 0.45),
    _c(r"suy thoái kinh tế|kinh tế suy thoái|suy thoái toàn cầu", 0.8),
    # markets told as trading: stocks and funds, sales, output, trade fairs
    _c(r"chứng chỉ quỹ|quỹ đầu tư|quỹ mở|niêm yết|lên sàn|sàn giao dịch|phiên giao dịch|"
       r"VN-?Index|HASTC-?Index|khớp lệnh|giá trị tài sản ròng|thị giá|mệnh giá|"
       r"thị phần|sản lượng|bán phá giá|phá giá|doanh số|giá thành", 0.8),
    _c(r"hội chợ|gian hàng|xúc tiến thương mại|bán hàng|bán lẻ|bán buôn|siêu thị", 0.7),
    _c(r"giao dịch|sản phẩm|thương hiệu", 0.45),
]

GOVERNANCE: list[Cue] = [
    _c(r"cải cách hành chính|CCHC", 0.9),
    _c(r"thủ tục hành chính|TTHC", 0.9),
    # "dịch vụ công ích", "dịch vụ công nghệ" are not the public administration's services
    _c(r"hành chính công|dịch vụ công(?! (?:cộng|ích|nghệ|nghiệp|ty|cụ|trình|nhân)(?!\w))|"
       r"(cơ chế|bộ phận|mô hình|thủ tục) một cửa|một cửa liên thông", 0.8),
    _c(r"PAR ?INDEX|DDCI|DTI|SIPAS|PAPI|PCI|DGI|ICT ?Index", 0.85, cs=True),
    _c(r"chỉ số (cải cách hành chính|hài lòng|năng lực cạnh tranh|chuyển đổi số)", 0.85),
    _c(r"chuyển đổi số|chính quyền số|chính phủ số|chính quyền điện tử|chính phủ điện tử", 0.85),
    _c(r"ứng dụng công nghệ thông tin", 0.6),
    # Restructuring the apparatus and administrative units
    _c(r"sắp xếp(,? tinh gọn)?(,? tổ chức)?,? bộ máy|tinh gọn bộ máy|tổ chức bộ máy", 0.85),
    _c(r"bộ máy", 0.5),
    _c(r"sắp xếp", 0.25),
    _c(r"đơn vị hành chính", 0.85),
    _c(r"chính quyền (địa phương )?(2|hai) cấp|(2|hai) cấp chính quyền", 0.85),
    _c(r"chính quyền đô thị", 0.8),
    _c(r"sáp nhập|hợp nhất", 0.5),
    _c(r"tinh giản biên chế|biên chế", 0.7),
    _c(r"phân cấp|phân quyền|ủy quyền", 0.6),
    # State management, public duties, state inspection
    _c(r"quản lý nhà nước", 0.85),
    _c(r"thực thi công vụ|kỷ luật,? kỷ cương hành chính|kỷ cương hành chính|công vụ", 0.7),
    _c(r"(cuộc|đoàn|kết luận|kết quả|công tác|tiến hành) thanh tra|"
       r"thanh tra (chính phủ|nhà nước|tỉnh|thành phố|bộ|sở|việc|toàn diện|đột xuất)|"
       r"thanh tra,? kiểm tra|kiểm tra,? thanh tra|thanh tra viên", 0.75),
    _c(r"thanh tra", 0.45),
    # state inspection by "kiểm tra" (dropped when the Party's inspection is meant, see topics.py)
    _c(r"đoàn kiểm tra|kiểm tra liên ngành|đoàn liên ngành|liên ngành|kết quả kiểm tra|"
       r"kết luận kiểm tra|tiến hành kiểm tra|kế hoạch kiểm tra|thời gian kiểm tra|"
       r"kiểm tra (việc|toàn diện|đột xuất|định kỳ|các cơ sở|hoạt động)", 0.6, group="state_insp"),
    _c(r"kiểm tra", 0.35, group="state_insp"),
    # supervision by the state (HĐND, Quốc hội, inspectors; topics.py keeps it for those only)
    _c(r"kiểm tra,? giám sát|(đoàn|chương trình|hoạt động|kết quả|công tác) giám sát|"
       r"giám sát (việc|hoạt động|chuyên đề)", 0.6, group="state_insp"),
    # residence and civil registration, business registration: administrative acts
    _c(r"hộ khẩu|(đăng ký|nhập) (thường trú|tạm trú|hộ khẩu)|hộ tịch|"
       r"(cấp|thu hồi|tạm ngưng (việc )?cấp) (giấy )?đăng ký kinh doanh|đăng ký kinh doanh", 0.6),
    # licences, land titles and other administrative acts of the state
    _c(r"rút giấy phép|thu hồi giấy phép|cấp phép|giấy phép|cấp giấy chứng nhận|"
       r"giấy chứng nhận quyền sử dụng đất|sổ đỏ|sổ hồng|làm thủ tục|"
       r"thủ tục (hải quan|cấp|đăng ký|đầu tư|xuất nhập cảnh|giấy tờ|pháp lý)", 0.6),
    # an administrative procedure, nearly always; not a formality, a court's or a bank's
    _c(r"(?<!phần )(?<!là )(?<!tính )thủ tục(?! (tố tụng|phá sản|vay|ngân hàng|hình thức))",
       0.5),
    _c(r"sai thẩm quyền|vượt thẩm quyền|trái thẩm quyền|không đúng thẩm quyền", 0.6),
    _c(r"cơ chế quản lý|công tác quản lý|biện pháp quản lý|buông lỏng quản lý|"
       r"quản lý (chặt chẽ|lỏng lẻo|tài chính nhà nước|tài sản nhà nước)|chức năng quản lý", 0.6),
    _c(r"cơ quan chức năng|cơ quan quản lý", 0.4),
    _c(r"vi phạm quy định|sai quy định|trái quy định|không đúng quy định", 0.4),
    _c(r"tài sản công", 0.55),
    _c(r"văn bản quy phạm pháp luật", 0.6),
    _c(r"quản lý đất đai|cấp giấy chứng nhận|cấp phép|giấy phép (xây dựng|kinh doanh)", 0.55),
    # Petitions, complaints, citizens, elections of state bodies
    _c(r"khiếu nại|tố cáo|khiếu kiện|đơn thư", 0.85),
    _c(r"tiếp công dân|tiếp dân", 0.9),
    _c(r"kiến nghị (của )?(các )?cử tri|tiếp xúc cử tri|cử tri", 0.8),
    _c(r"bầu cử", 0.9),
    _c(r"chất vấn", 0.6),
    _c(r"miễn nhiệm|bãi nhiệm", 0.6),  # dismissal by an elected state body
]

SECURITY: list[Cue] = [
    _c(r"quốc phòng", 0.9),
    _c(r"an ninh(?! lương thực| nguồn nước| năng lượng)", 0.85),
    _c(r"trật tự,? an toàn xã hội|trật tự xã hội|trật tự kỷ cương xã hội", 0.9),
    _c(r"trật tự,? an toàn giao thông|tai nạn giao thông", 0.6),
    # "nhà có chủ quyền" is property title, not sovereignty
    # (``các quốc gia và vùng lãnh thổ`` is how FDI statistics name investors' homes)
    _c(r"biên giới|chủ quyền(?! nhà| đất| hợp lệ| sử dụng)|mốc giới|(?<!vùng )lãnh thổ", 0.85),
    _c(r"quân sự|quân đội|bộ đội|lực lượng vũ trang|dân quân|khu vực phòng thủ", 0.85, cs=True),
    _c(r"tuyển quân|giao quân|nghĩa vụ quân sự|diễn tập", 0.8),
    _c(r"lực lượng công an|công an nhân dân|công an xã|cảnh sát", 0.7),
    _c(r"công an", 0.4),
    _c(r"tội phạm|ma túy|buôn lậu|buôn bán người|khủng bố|bạo loạn", 0.85),
    _c(r"gian lận thương mại|hàng giả|hàng nhái|hàng dỏm|hàng lậu", 0.6),
    # violent crime and drugs told as incidents
    _c(r"bắt cóc|chém|đâm chết|đâm trọng thương|trọng thương|siết cổ|bắn chết|rút súng|"
       r"hung khí|xô xát|ẩu đả|hỗn chiến|cần sa|heroin|thuốc lắc|dân lắc|thủ phạm|hung thủ|"
       r"nghi can|tội danh|bỏ trốn|đầu thú|truy bắt|vây bắt|giữ hành chính|CSGT", 0.7),
    _c(r"khởi tố|truy tố|bắt giữ|tạm giam|tạm giữ|bắt giam|bị bắt|lệnh bắt|bắt quả tang|"
       r"phạm tội|xét xử|phiên tòa|tòa án|tòa (sơ|phúc) thẩm|bị cáo|bị can|nghi phạm|"
       r"tuyên án|án tù|tù giam|chung thân|tử hình|hình sự|viện kiểm sát", 0.8),
    # the investigation itself ("điều tra dân số" is a census, hence the forms listed)
    _c(r"cơ quan (cảnh sát )?điều tra|CQĐT|CSĐT|điều tra viên|trinh sát|lời khai|"
       r"lấy lời khai|thẩm vấn|hỏi cung|công tác điều tra|điều tra (vụ|làm rõ|ban đầu|mở rộng)|"
       r"đối tượng (khả nghi|tình nghi|truy nã|nghi vấn)|vi phạm pháp luật|phạm pháp", 0.8),
    _c(r"điều tra", 0.45),
    _c(r"lừa đảo|chiếm đoạt|trộm cắp|trộm cướp|vụ trộm|ăn trộm|kẻ trộm|vụ cướp|cướp giật|"
       r"cướp (tài sản|tiền|xe)|giết người|án mạng|đánh bạc|cá độ|rửa tiền|làm giả|giả mạo|"
       r"buôn bán trái phép|vận chuyển trái phép|hành hung|côn đồ|băng nhóm|xã hội đen|"
       r"gây rối|mắc lừa|bị lừa|siêu lừa", 0.75),
    _c(r"vụ án", 0.4),
    # forged papers and counterfeit money: forgery is a crime (``chứng chỉ giả``, ``bằng giả``)
    _c(r"(bằng|bằng cấp|văn bằng|chứng chỉ|giấy tờ|hồ sơ|con dấu|giấy phép|hóa đơn|tiền|"
       r"chữ ký|sổ đỏ|công văn|quyết định|nghị quyết|tài liệu) giả(?! (định|thuyết|thiết|vờ|"
       r"tạo|danh|dối))", 0.6),
    # a criminal case told step by step: search and seizure, summons, confession, forensic
    # examination, sexual and violent offences, the court's steps
    _c(r"khám xét|lục soát|thu giữ|tang vật|vật chứng|bị triệu tập|giấy triệu tập|"
       r"khai nhận|nhận tội|thành khẩn khai|giám định pháp y|pháp y|"
       r"hiếp dâm|cưỡng dâm|dâm ô|mại dâm|mua dâm|bán dâm|"
       r"gây thương tích|đánh người|đánh đập|hành hạ|ăn cướp|tên cướp|kẻ cướp|băng cướp|"
       r"giật dây chuyền|giựt dây chuyền|giật túi|bóp cổ|gí dao|kề dao|tẩu thoát|kêu cứu|"
       r"hoãn xử|tòa tuyên|tuyên phạt|mức án|hội đồng xét xử|thẩm phán|luật sư bào chữa|"
       r"người bào chữa|xử (sơ|phúc) thẩm|xử lưu động|kháng cáo", 0.75),
    _c(r"triệu tập|giám định", 0.3),
    # public order: crowds and protests
    _c(r"tuần hành|biểu tình|bạo động|tụ tập đông người|gây mất trật tự|ném gạch|ném đá|"
       r"chai xăng|phá phách|đe dọa (đến )?tính mạng", 0.75),
    _c(r"truy nã|thi hành án hình sự|phạm nhân|trại giam|đặc xá", 0.75),
    # "chỉ là chữa cháy", "kiểu chữa cháy": a stopgap, said of policy, not firefighting
    _c(r"phòng cháy|(?<!chỉ là )(?<!kiểu )(?<!tính )(?<!tính chất )(?<!giải pháp )"
       r"(?<!cách làm )(?<!tiền )chữa cháy(?! tạm| cho (thị trường|ngân sách|doanh nghiệp))|"
       r"PCCC|cháy nổ|cứu nạn, cứu hộ", 0.7),
    _c(r"ổn định chính trị|chính trị" + _DASH + r"xã hội ổn định", 0.5),
    _c(r"nội chính", 0.85),  # guideline: nội chính is PARTY and SECURITY
]

SOCIETY: list[Cue] = [
    _c(r"an sinh xã hội|an sinh", 0.9),
    _c(r"giảm nghèo|hộ nghèo|cận nghèo|thoát nghèo|xóa đói|người nghèo|chuẩn nghèo|"
       r"tỷ lệ nghèo|tỉ lệ nghèo", 0.9),
    _c(r"người có công|gia đình chính sách|bảo trợ xã hội|đối tượng chính sách", 0.85),
    _c(r"bảo hiểm xã hội|bảo hiểm y tế|bảo hiểm thất nghiệp", 0.8),
    _c(r"nhà ở xã hội|nhà dột nát|nhà tạm", 0.85),
    _c(r"đời sống(?! chính trị)", 0.75),
    # bare "việc làm" is also "deeds" (những việc làm cụ thể): only the employment phrases.
    _c(r"(giải quyết|tạo|tạo thêm|có) việc làm|lao động,? việc làm|việc làm (mới|cho)|"
       r"thất nghiệp|xuất khẩu lao động", 0.75),
    _c(r"y tế|bệnh viện|khám,? chữa bệnh|sức khỏe|bác sĩ", 0.85),
    # labour and wages ("lao động" lower-case: "Huân chương Lao động", "Bộ Lao động" are names)
    # "cán bộ, công chức, viên chức, người lao động" is the public workforce, not labour affairs
    # "(NLĐ)", "báo Người Lao Động" are the newspaper
    _c(r"(?<!viên chức, )(?<!viên chức và )(?<!công chức, )(?<!báo )người lao động|"
       r"(?<!\()(?<!báo )NLĐ(?!O|\))|"
       r"lương tối thiểu|tiền lương|tiền công|chính sách tiền lương|"
       r"quan hệ lao động|tranh chấp lao động|đình công|Luật Lao động|Bộ luật Lao động|"
       r"tay nghề|đào tạo nghề|dạy nghề|học nghề|công nhân", 0.75),
    # living conditions; a policy "đi vào cuộc sống" is put into practice
    _c(r"(ổn định|đảm bảo|bảo đảm|cải thiện|nâng cao|lo|chăm lo) (cho )?cuộc sống|"
       r"cuộc sống (của )?(người dân|nhân dân|đồng bào|bà con|người lao động|nông dân)", 0.75),
    _c(r"(?<!vào )cuộc sống", 0.4),
    _c(r"(?<!năng suất )(?<!viên chức, người )(?<!viên chức và người )(?<!công chức, người )"
       r"lao động", 0.5, cs=True),
    _c(r"phòng,? chống dịch|dịch Covid|Covid-19|tiêm chủng|vắc ?xin", 0.8),
    _c(r"dịch bệnh", 0.45),
    _c(r"ổ dịch|dịch cúm|cúm gia cầm|cúm gà|cúm A|bùng phát dịch|dịch (đã )?bùng phát|"
       r"sốt xuất huyết|HIV|AIDS|dịch tả|bệnh dại|lao phổi", 0.8),
    _c(r"giáo dục|trường học|học sinh|sinh viên|giáo viên|năm học|tuyển sinh|khuyến học|"
       r"thí sinh|kỳ thi|học phí|học bổng|xét tuyển|điểm chuẩn|điểm sàn|học viên|phòng học|"
       r"lớp học|giảng viên|giảng dạy|nhà trường|mầm non|tiểu học|THCS|THPT|trung học|"
       r"đại học|cao đẳng|cơ sở đào tạo", 0.85),
    _c(r"đào tạo(?!,? bồi dưỡng cán bộ| cán bộ)", 0.6),
    # a trade fair or an exhibition centre's name is not culture
    _c(r"nghệ thuật|văn nghệ|(?<!hội chợ )(?<!trung tâm )triển lãm(?! thương mại)|bảo tàng|"
       r"thư viện|điện ảnh|âm nhạc|sáng tác", 0.65),
    _c(r"nguồn nhân lực", 0.7),
    _c(r"văn hóa" + _DASH + r"xã hội", 0.85),
    # a facility or body named after culture ("Khu văn hóa …", "Sở Văn hóa") is not culture work
    _c(r"(?<!khu )(?<!trung tâm )(?<!nhà )(?<!sở )(?<!bộ )(?<!phòng )(?<!thể thao và )"
       r"(?<!trưởng )văn hóa", 0.8),  # "Bộ trưởng Văn hóa" is an office
    # "kinh tế di sản" (heritage economy) is an economic sector
    _c(r"(?<!kinh tế )di sản|di tích", 0.8),
    _c(r"lễ hội", 0.45),
    _c(r"thể dục|thể thao", 0.7),
    # not the business climate, nor a body's name (Sở Tài nguyên và Môi trường)
    _c(r"(?<!tài nguyên )(?<!tài nguyên và )môi trường"
       r"(?! đầu tư| kinh doanh| sản xuất| làm việc| pháp lý| mạng| làm ăn| cạnh tranh|"
       r" chính trị| học thuật| thương mại| tài chính)", 0.75),
    _c(r"rác thải|chất thải|ô nhiễm|biến đổi khí hậu|khí thải|nước thải|bụi mịn", 0.85),
    _c(r"nông thôn mới|NTM", 0.9),
    _c(r"văn minh đô thị|đô thị văn minh|nếp sống văn minh", 0.85),
    _c(r"văn minh", 0.3),
    _c(r"thiên tai|bão|lũ|lũ lụt|ngập lụt|ngập úng|sạt lở|hạn hán|xâm nhập mặn|mưa lớn|lốc|"
       r"triều cường|động đất|vỡ đê|đê (đã )?vỡ|phòng,? chống thiên tai|nắng hạn|khô hạn|"
       r"thiếu nước (sinh hoạt|ngọt|sạch)|nước (sinh hoạt|ngọt) (khan hiếm|thiếu)|đói khát|"
       r"cúp nước|mất nước sinh hoạt", 0.8),
    _c(r"[Ss]óng thần", 0.8, cs=True),  # "Sóng Thần" is a place name
    _c(r"cứu trợ|khắc phục hậu quả", 0.6),
    _c(r"nhiễm độc|ngộ độc", 0.6),  # health
    # a disaster told by its effects and the relief (guideline: disaster response is SOCIETY)
    # (not the market's or a debtor's "ngập", nor "chạy nước rút" towards a deadline)
    _c(r"bị ngập (sâu|nặng|nước|lụt|úng|trong nước|từ)|(nhà|đường|hộ|xã|phường) [^.;,]{0,20}"
       r"bị ngập|ngập sâu (trong nước|từ|\d)|(?<!chạy )nước rút|lũ rút|bị cô lập|"
       r"cô lập hoàn toàn|sơ tán|màn trời chiếu đất|tìm kiếm cứu nạn|vùng lũ|vùng ngập|"
       r"cứu đói|(phát|tặng|cứu trợ|hỗ trợ|xuất kho)[^.;]{0,25}(mì tôm|nhu yếu phẩm)", 0.55),
    _c(r"nước sạch", 0.4),
    _c(r"trẻ em|người cao tuổi|người khuyết tật|bình đẳng giới|dân số", 0.7),
    _c(r"chất độc da cam|nạn nhân da cam|nỗi đau da cam|dioxin", 0.8),
    _c(r"đồng bào dân tộc|dân tộc thiểu số|tôn giáo", 0.6),
    _c(r"chăm lo", 0.45),
    _c(r"từ thiện|nhân đạo|an toàn thực phẩm", 0.65),
]

# EVENT: the meeting or ceremony itself.
EVENT: list[Cue] = [
    # "chủ trì" a meeting, not taking the lead in a task ("chủ trì kiểm tra", "cơ quan chủ trì")
    _c(r"(?<!cơ quan )(?<!đơn vị )(?<!bộ )(?:đồng )?chủ trì(?!,? (?:phối hợp|kiểm tra|thực hiện|"
       r"xây dựng|soạn thảo|tổ chức thực hiện|triển khai|giải quyết|tham mưu|thanh tra|"
       r"hướng dẫn|rà soát|nghiên cứu|theo dõi|tiến hành)(?!\w))", 0.9),
    _c(_DU + r",? (và )?chỉ đạo|tham " + _DU + r"|cùng " + _DU + r"|đến " + _DU, 0.85),
    _c(r"dự (hội nghị|hội thảo|lễ|buổi|phiên|kỳ họp|đại hội|chương trình|có|họp)", 0.85),
    _c(r"đại biểu (dự|tham dự|phát biểu|thảo luận)", 0.85),
    _c(r"phát biểu", 0.8),
    _c(r"diễn văn|tham luận", 0.75),
    _c(r"khai mạc|bế mạc", 0.85),
    _c(r"kết luận (của )?(hội nghị|buổi|phiên|kỳ họp|cuộc họp)", 0.85),
    _c(r"(tại|trong|bên lề) (hội nghị|hội thảo|buổi lễ|lễ|buổi làm việc|phiên họp|kỳ họp|"
       r"đại hội|tọa đàm|chương trình|cuộc họp|buổi họp|họp báo|buổi họp báo|buổi tiếp|"
       r"cuộc tiếp|buổi gặp|cuộc gặp|buổi tiếp xúc|cuộc tiếp xúc)", 0.85),
    _c(r"(kết thúc|mở đầu|khép lại) (hội nghị|hội thảo|kỳ họp|phiên họp|cuộc họp|tọa đàm)", 0.85),
    _c(r"(đã|có|tổ chức) (cuộc )?họp|cuộc họp (với|giữa)|họp (với|bàn)", 0.7),
    # an elected body passing something is the outcome of its session ("đã được Quốc hội
    # thông qua" refers back to an earlier one)
    _c(r"(?<!được )(?<!trình )(Quốc hội|QH|HĐND|Hội đồng nhân dân|Ủy ban Thường vụ Quốc hội|UBTVQH)"
       r"[^.;:]{0,40}? thông qua(?! (?:các|những|việc|nhiều|hệ thống|kênh)(?!\w))", 0.6),
    _c(r"họp báo", 0.7),
    # what the meeting decided: a vote, a resolution passed
    _c(r"(?<!quyền )biểu quyết|bỏ phiếu tán thành|"
       r"được (biểu quyết )?thông qua(?! (?:các|những|việc|nhiều|hệ thống|kênh|con đường)(?!\w))|"
       r"thông qua (các |\d+ )?(nghị quyết|dự thảo|tờ trình|đề án|báo cáo|luật|chương trình)",
       0.6),
    _c(r"(tổ chức|triệu tập) (hội nghị|hội thảo|lễ|buổi lễ|phiên họp|kỳ họp|tọa đàm)", 0.75),
    _c(r"hội nghị[^.;:]{0,60} lần thứ", 0.8),
    _c(r"hội nghị|hội thảo|tọa đàm|phiên họp|kỳ họp|cuộc họp|buổi họp", 0.4, group="meet"),
    _c(r"(buổi )?lễ (công bố|trao|kỷ niệm|khánh thành|khởi công|ra mắt|phát động|tuyên dương|"
       r"mít tinh|xuất quân|đón nhận|tổng kết|bế giảng|khai giảng)", 0.85),
    _c(r"buổi lễ|mít tinh|buổi làm việc|thăm và làm việc", 0.7),
    _c(r"làm việc với|đoàn công tác", 0.45),  # also a working contact, an investigators' summons
    _c(r"quang cảnh|toàn cảnh|chụp ảnh lưu niệm", 0.9),
    _c(r"trao tặng|tặng hoa|trao (quyết định|bằng khen|giấy khen|huân chương|huy chương|"
       r"kỷ niệm chương|huy hiệu|danh hiệu|cờ|giải)", 0.85),
    _c(r"công bố (quyết định|nghị quyết)", 0.6),
    _c(r"thảo luận|cho ý kiến|nghe báo cáo", 0.6),
]

LEXICONS: dict[str, list[Cue]] = {
    "PARTY": PARTY,
    "ECONOMY": ECONOMY,
    "GOVERNANCE": GOVERNANCE,
    "SECURITY": SECURITY,
    "SOCIETY": SOCIETY,
    "EVENT": EVENT,
}
