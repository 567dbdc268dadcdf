"""Build ``gold/trust/trust_dev.jsonl``: the labelled source-trust set (see README.md).

Every page below is original team writing. Copies (content-farm and syndicated pages, verbatim
republications) are made from an original page of the set by :func:`copy_of`, which is how such
pages arise in the wild: the same body under another site name, with other furniture around it.

Run: ``.venv/bin/python gold/trust/build_trust_set.py`` (byte-identical output on every run).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("trust_dev.jsonl")

NAV_EN = "Home | World | Politics | Business | Opinion | Video\n"
SHARE_EN = "\nShare this:\nFacebook\nTwitter\nWhatsApp\nEmail\n"
RELATED_EN = ("\nRelated\n- Markets close higher as oil slips\n- Weather: storms expected over the weekend\n"
              "- Opinion: what the summit season means\n")
COOKIE_EN = "\nWe use cookies to improve your experience. By continuing you accept our cookie policy.\n"

PAGES: list[dict[str, Any]] = []


def page(pid: str, lang: str, site: str, url: str, pub: str, title: str, body: str, flags: list[str], kind: str,
         note: str, *, before: str = "", after: str = "") -> dict[str, Any]:
    """One record: ``before``/``after`` are site furniture around the article."""
    rec = {"id": pid, "lang": lang, "site": site, "url": url, "pub_date": pub, "title": title,
           "text": f"{before}{title}\n\n{body.strip()}\n{after}", "expected_flags": flags, "kind": kind,
           "note": note}
    PAGES.append(rec)
    return rec


def copy_of(orig: dict[str, Any], pid: str, site: str, url: str, pub: str, flags: list[str], kind: str, note: str,
            *, before: str = "", after: str = "", title: str | None = None) -> dict[str, Any]:
    """The body of ``orig`` under another site (and furniture, and maybe another title)."""
    body = orig["text"].split("\n\n", 1)[1]
    for furn in (NAV_EN, SHARE_EN, RELATED_EN, COOKIE_EN):
        body = body.replace(furn, "\n")
    return page(pid, orig["lang"], site, url, pub, title or orig["title"], body, flags, kind, note,
                before=before, after=after)


# ============================================================================ clean originals: en
en_beijing = page(
    "en-001", "en", "Harbor Wire", "https://harborwire.test/world/2023/06/18/blinken-qin-beijing", "2023-06-18",
    "Blinken and Qin Gang hold long talks in Beijing",
    """U.S. Secretary of State Antony Blinken held more than seven hours of talks with Chinese Foreign Minister Qin Gang in Beijing on Sunday, the first visit by a top American diplomat to China in five years.

Both sides described the discussions as candid and constructive. Qin told Blinken that relations were at their lowest point since the two countries established diplomatic ties, according to a Chinese readout.

The two ministers agreed to keep lines of communication open and to work toward more flights between the two countries. Blinken invited Qin to visit Washington at a mutually convenient time.""",
    [], "clean", "Original report of the 18 June 2023 Beijing talks; Qin Gang was foreign minister on this date.",
    before=NAV_EN, after=SHARE_EN + RELATED_EN)

en_anchorage = page(
    "en-002", "en", "Northern Courier", "https://northerncourier.test/2021/03/19/anchorage-talks-open-with-clash",
    "2021-03-19", "U.S.-China talks in Anchorage open with public clash",
    """The first high-level meeting between the Biden administration and China opened in Anchorage on Thursday with an unusually public exchange of accusations.

Blinken accused Beijing of threatening the rules-based order, citing Xinjiang, Hong Kong and cyberattacks on the United States. Yang Jiechi answered that Washington had no standing to speak to China from a position of strength.

The talks continued behind closed doors on Friday. Officials on both sides said the meetings were tough but direct.""",
    [], "clean", "Original report of the March 2021 Anchorage talks (the issue's example).",
    before=NAV_EN, after=SHARE_EN)

en_kl = page(
    "en-003", "en", "The Strait Times Review", "https://straitreview.test/asia/rubio-wang-yi-kuala-lumpur",
    "2025-07-11", "Rubio meets Wang Yi in Kuala Lumpur",
    """Secretary of State Marco Rubio met Chinese Foreign Minister Wang Yi on the sidelines of the ASEAN meetings in Kuala Lumpur on Friday, their first face-to-face talks.

Rubio said afterwards that the meeting was constructive and positive, and that both sides had identified areas where they could cooperate. Wang urged Washington to lift unilateral restrictions on Chinese companies.

The two diplomats agreed to strengthen exchanges at all levels, Chinese state media reported.""",
    [], "clean", "Original report of the 11 July 2025 Rubio-Wang Yi meeting.",
    before=NAV_EN, after=RELATED_EN + COOKIE_EN)

en_sanctions = page(
    "en-004", "en", "Continental Post", "https://continentalpost.test/europe/eu-13th-sanctions-package",
    "2024-02-23", "EU adopts new sanctions package against Russia",
    """The European Union on Friday adopted its thirteenth package of sanctions against Russia, on the eve of the second anniversary of the full-scale invasion of Ukraine.

The measures add nearly 200 companies and individuals to the EU blacklist, including firms in third countries accused of helping Moscow obtain military components.

The Kremlin condemned the decision and said Russia would respond.""",
    [], "clean", "Original report; the 'anniversary' here is of the invasion, the events are fresh.",
    before=NAV_EN, after=SHARE_EN)

en_manila = page(
    "en-005", "en", "Pacific Ledger", "https://pacificledger.test/2024/03/05/manila-protests-water-cannon",
    "2024-03-05", "Manila protests Chinese water cannon use near Second Thomas Shoal",
    """The Philippines summoned a Chinese envoy on Tuesday to protest the use of water cannon against a supply mission near Second Thomas Shoal, officials said.

Four Filipino crew members were injured when a Chinese coast guard vessel fired water cannon at their boat, the Philippine coast guard said.

China's foreign ministry accused Manila of intruding into Chinese waters and urged it to stop provocations.""",
    [], "clean", "Original report, 5 March 2024.", before=NAV_EN, after=SHARE_EN + COOKIE_EN)

en_minerals = page(
    "en-006", "en", "Capitol Ledger", "https://capitolledger.test/2025/04/30/us-ukraine-minerals-deal",
    "2025-04-30", "United States and Ukraine sign minerals deal",
    """The United States and Ukraine signed an agreement in Washington on Wednesday giving American investors access to Ukraine's mineral resources, after weeks of difficult negotiations.

Treasury Secretary Scott Bessent said the deal sent a clear signal to Russia. Ukraine's economy minister Yulia Svyrydenko signed for Kyiv.

The agreement sets up a joint reconstruction investment fund.""",
    [], "clean", "Original report of the 30 April 2025 minerals deal.", before=NAV_EN, after=RELATED_EN)

en_retro = page(
    "en-007", "en", "Northern Courier", "https://northerncourier.test/2026/03/18/five-years-after-anchorage",
    "2026-03-18", "Five years after Anchorage: how one meeting set the tone",
    """Five years ago this week, Antony Blinken and Yang Jiechi traded accusations in front of the cameras at the opening of the talks in Anchorage on March 18, 2021.

Analysts now see the meeting as the moment both governments stopped pretending that the relationship could return to its old shape. Several participants have since written about the exchange in their memoirs.

This retrospective looks back at what was said in the room, and at what changed afterwards.""",
    [], "hard_negative", "Legitimate anniversary retrospective: it recalls 2021 events on purpose and says so; not a republication.",
    before=NAV_EN, after=SHARE_EN)

en_followup = page(
    "en-008", "en", "Harbor Wire", "https://harborwire.test/world/2023/06/21/after-beijing-talks-next-steps",
    "2023-06-21", "After Beijing talks, both sides look to next steps",
    """Three days after Antony Blinken's talks in Beijing, officials in both capitals are preparing follow-up meetings on trade and on counter-narcotics cooperation.

A State Department spokesman said on Wednesday that working groups would meet in the coming weeks. China's commerce ministry said it expected Commerce Secretary Gina Raimondo to visit later in the summer.""",
    [], "hard_negative", "Follow-up report three days after the talks: normal news, not old news.",
    before=NAV_EN, after=SHARE_EN)

en_quote = page(
    "en-009", "en", "Media Watch Daily", "https://mediawatch.test/2023/06/20/caption-error-brinken",
    "2023-06-20", "State broadcaster apologises for caption error during Blinken visit",
    """A regional broadcaster apologised on Tuesday after an on-screen caption spelt the U.S. secretary of state's name as "Brinken" during its coverage of Antony Blinken's visit to Beijing.

The station said the error was made by a trainee editor and corrected within minutes. Viewers had shared screenshots of the caption, which also described the talks as "double side relations", a literal rendering of a Chinese phrase.

The broadcaster said it had reviewed its procedures.""",
    [], "hard_negative", "Quotes a misspelling and an MT-style phrase inside quotes, in a correctly written article.",
    before=NAV_EN, after=SHARE_EN)

en_sport = page(
    "en-010", "en", "Goal Line Sports", "https://goallinesports.test/football/asean-cup-final-report",
    "2025-01-05", "Vietnam win ASEAN Championship in Bangkok",
    """Vietnam beat Thailand 3-2 in Bangkok on Sunday to win the ASEAN Championship final 5-3 on aggregate.

Nguyen Xuan Son scored in the first half before being carried off with a broken leg. Thailand levelled twice, but a late goal from Vietnam sealed the title.

Coach Kim Sang-sik praised his players' resilience.""",
    [], "hard_negative", "A sports site's genuine sports news: no world news, not a content farm.",
    before="Scores | Fixtures | Transfers | Betting odds\n", after=SHARE_EN)

en_pr = page(
    "en-011", "en", "Embassy Bulletin", "https://embassybulletin.test/press/2023-10-27-wang-yi-washington",
    "2023-10-27", "Foreign Minister Wang Yi holds talks with Secretary of State Antony Blinken",
    """On October 26, 2023, local time, Member of the Political Bureau of the CPC Central Committee and Foreign Minister Wang Yi held talks with U.S. Secretary of State Antony Blinken in Washington.

Wang Yi said that the two sides should return to the consensus reached by the two heads of state in Bali, and work to stabilise the relationship. Blinken said the United States was committed to managing competition responsibly.

The two sides agreed to work together towards a meeting between the two presidents in San Francisco. (Press release; English translation by the embassy's staff.)""",
    [], "hard_negative", "Human-translated press release: formal, translated register but no MT artefacts; Wang Yi was again foreign minister.",
    after="\nContact: press office | Tel +1 202 555 0100\n")

en_putin_xi = page(
    "en-012", "en", "Continental Post", "https://continentalpost.test/world/xi-putin-moscow-talks",
    "2023-03-21", "Xi and Putin hail 'new era' at Kremlin talks",
    """Chinese President Xi Jinping and Russian President Vladimir Putin signed statements on deepening their strategic partnership at the Kremlin on Tuesday.

Putin said he had studied China's position paper on Ukraine and that it could serve as a basis for a settlement. Western governments criticised the visit, which came days after the International Criminal Court issued a warrant for Putin.""",
    [], "clean", "Original report, 21 March 2023.", before=NAV_EN, after=SHARE_EN + COOKIE_EN)

en_g7 = page(
    "en-013", "en", "Alpine Review", "https://alpinereview.test/2024/06/14/g7-frozen-assets-loan",
    "2024-06-14", "G7 leaders agree $50 billion loan for Ukraine",
    """Leaders of the Group of Seven agreed on Thursday to lend Ukraine 50 billion dollars backed by the interest earned on frozen Russian assets, at their summit in southern Italy.

President Joe Biden and Ukrainian President Volodymyr Zelenskiy also signed a ten-year bilateral security agreement. Moscow called the plan theft and threatened retaliation.""",
    [], "clean", "Original report; 'Zelenskiy' is a press spelling, not an MT misspelling.",
    before=NAV_EN, after=RELATED_EN)

en_ceasefire = page(
    "en-014", "en", "Levant Observer", "https://levantobserver.test/2024/11/27/israel-hezbollah-ceasefire",
    "2024-11-27", "Israel and Hezbollah ceasefire takes effect",
    """A ceasefire between Israel and Hezbollah took effect in Lebanon early on Wednesday after more than a year of fighting, under a deal brokered by the United States and France.

Israeli Prime Minister Benjamin Netanyahu said Israel would respond forcefully to any violation. Thousands of displaced Lebanese began heading back south.""",
    [], "clean", "Original report, 27 November 2024.", before=NAV_EN, after=SHARE_EN)

en_boiler_ok = page(
    "en-015", "en", "Daily Brief Network", "https://dailybrief.test/asia/korea-japan-summit",
    "2023-03-16", "South Korea and Japan leaders hold first summit in 12 years",
    """South Korean President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida in Tokyo on Thursday, the first such visit in twelve years.

The two leaders agreed to resume regular visits and to restore a security dialogue. Japan said it would lift export restrictions on chemicals used to make semiconductors.""",
    [], "hard_negative", "Clean news page wrapped in a lot of ordinary site furniture (not a content farm).",
    before=NAV_EN + "Subscribe | Sign in | Newsletters | Podcasts\nBreaking: markets rally on rate hopes\n",
    after=SHARE_EN + RELATED_EN + "\nMost read\n- Ten things to know today\n- Opinion: the week ahead\n"
          "- Photos of the week\n- Crossword\n" + COOKIE_EN + "\n(c) 2023 Daily Brief Network. All rights reserved.\n")

# ============================================================================ clean originals: zh
zh_beijing = page(
    "zh-001", "zh", "华讯网", "https://huaxun.test/world/2023-06/18/blinken-qingang.htm", "2023-06-18",
    "秦刚同布林肯举行会谈",
    """6月18日，国务委员兼外交部长秦刚在北京同来访的美国国务卿布林肯举行会谈。

双方就中美关系以及共同关心的重要问题进行了坦诚、深入、建设性的沟通。秦刚表示，中美关系处于建交以来最低点。

双方同意共同落实两国元首巴厘岛会晤达成的重要共识，继续保持高层交往。""",
    [], "clean", "Original Chinese report of the 18 June 2023 talks.",
    before="首页 | 国际 | 国内 | 财经 | 评论\n", after="\n分享到：微信 微博 QQ\n责任编辑：李明\n")

zh_kl = page(
    "zh-002", "zh", "环球时讯", "https://huanqiushixun.test/2025/07/11/wangyi-rubio.html", "2025-07-11",
    "王毅会见美国国务卿鲁比奥",
    """当地时间7月11日，中共中央政治局委员、外交部长王毅在吉隆坡出席东亚合作系列外长会期间会见美国国务卿鲁比奥。

王毅表示，中美应当客观理性看待对方，坚持相互尊重、和平共处、合作共赢。鲁比奥表示，美中关系是世界上最重要的双边关系之一。

双方同意加强外交及各层级交往。""",
    [], "clean", "Original Chinese report of the 11 July 2025 meeting; 世界上/双边 here are correct Chinese, not artefacts.",
    before="首页 | 国际 | 军事 | 评论\n", after="\n相关新闻\n东盟外长会在吉隆坡举行\n")

zh_sanctions = page(
    "zh-003", "zh", "欧亚观察", "https://ouyaguancha.test/2024/02/23/eu-sanctions.html", "2024-02-23",
    "欧盟通过第十三轮对俄制裁",
    """欧盟23日宣布通过第十三轮对俄罗斯制裁措施，将近200个实体和个人列入制裁名单。

俄罗斯外交部对此予以谴责，称将作出回应。分析人士指出，新一轮制裁主要针对帮助俄方获取军用零部件的第三国企业。""",
    [], "clean", "Original Chinese report, 23 February 2024.", after="\n分享到：微信 微博\n")

zh_sport = page(
    "zh-004", "zh", "新浪体育", "https://sports.sina.test/china/2024-09-10/guozu.shtml", "2024-09-10",
    "世预赛：国足主场逆转巴林",
    """9月10日晚，2026年世界杯亚洲区预选赛18强赛C组第二轮，中国队在大连主场以1比0战胜巴林队，取得小组赛首场胜利。

张玉宁在比赛第87分钟打入制胜球。主教练伊万科维奇赛后表示，球员们展现了顽强的斗志。""",
    [], "hard_negative", "A sports site's genuine sports news (体育 in the site name): not a content farm.",
    before="首页 | 中超 | 国足 | 英超 | 彩票\n", after="\n分享到：微博\n")

zh_followup = page(
    "zh-005", "zh", "华讯网", "https://huaxun.test/world/2023-06/20/xi-meets-blinken.htm", "2023-06-19",
    "习近平会见美国国务卿布林肯",
    """6月19日下午，国家主席习近平在北京人民大会堂会见美国国务卿布林肯。

习近平指出，大国竞争不符合时代潮流，中方尊重美国的利益，不挑战、不取代美国。布林肯表示，美方致力于管控分歧。""",
    [], "clean", "Original Chinese report of the 19 June 2023 meeting (day after the talks).",
    after="\n责任编辑：王芳\n")

zh_manila = page(
    "zh-006", "zh", "南海在线", "https://nanhaizaixian.test/2024/03/05/renai.html", "2024-03-05",
    "中国海警依法对菲律宾船只采取管制措施",
    """中国海警局新闻发言人3月5日表示，菲律宾船只擅自闯入仁爱礁附近海域，中国海警依法采取管制措施。

外交部发言人毛宁在例行记者会上敦促菲方停止挑衅。""",
    [], "clean", "Original Chinese report, 5 March 2024.", after="\n分享到：微信\n")

# ============================================================================ clean originals: vi
vi_beijing = page(
    "vi-001", "vi", "Tin Nhanh Thế Giới", "https://tinnhanhthegioi.test/the-gioi/blinken-tan-cuong-bac-kinh.html",
    "2023-06-18", "Ngoại trưởng Mỹ hội đàm với Ngoại trưởng Trung Quốc tại Bắc Kinh",
    """Ngày 18/6, Ngoại trưởng Mỹ Antony Blinken đã hội đàm với Ngoại trưởng Trung Quốc Tần Cương tại Bắc Kinh trong hơn bảy giờ.

Hai bên mô tả cuộc hội đàm là thẳng thắn và mang tính xây dựng. Ông Blinken mời ông Tần Cương thăm Washington vào thời điểm thích hợp.""",
    [], "clean", "Original Vietnamese report of the 18 June 2023 talks.",
    before="Trang chủ | Thế giới | Kinh doanh | Thể thao\n", after="\nChia sẻ: Facebook Zalo\n")

vi_kl = page(
    "vi-002", "vi", "Báo Điện Tử Phương Nam", "https://phuongnam.test/the-gioi/rubio-vuong-nghi-kuala-lumpur.html",
    "2025-07-11", "Ngoại trưởng Mỹ Rubio gặp Ngoại trưởng Trung Quốc Vương Nghị",
    """Ngày 11/7, Ngoại trưởng Mỹ Marco Rubio đã gặp Ngoại trưởng Trung Quốc Vương Nghị bên lề Hội nghị Ngoại trưởng ASEAN tại Kuala Lumpur.

Ông Rubio cho biết cuộc gặp mang tính xây dựng và tích cực. Hai bên nhất trí tăng cường trao đổi ở mọi cấp.""",
    [], "clean", "Original Vietnamese report of the 11 July 2025 meeting.",
    before="Trang chủ | Thời sự | Thế giới\n", after="\nTin liên quan\n- Hội nghị ASEAN khai mạc\n")

vi_manila = page(
    "vi-003", "vi", "Tin Nhanh Thế Giới", "https://tinnhanhthegioi.test/the-gioi/philippines-phan-doi-trung-quoc.html",
    "2024-03-05", "Philippines triệu đại diện Trung Quốc phản đối vụ phun vòi rồng",
    """Ngày 5/3, Bộ Ngoại giao Philippines đã triệu đại diện Đại sứ quán Trung Quốc để phản đối việc tàu hải cảnh Trung Quốc phun vòi rồng vào tàu tiếp tế gần bãi Cỏ Mây.

Bốn thủy thủ Philippines bị thương. Bắc Kinh cáo buộc Manila xâm phạm chủ quyền.""",
    [], "clean", "Original Vietnamese report, 5 March 2024.", after="\nChia sẻ: Facebook Zalo\n")

vi_sport = page(
    "vi-004", "vi", "Bóng Đá 24h", "https://bongda24h.test/doi-tuyen/viet-nam-vo-dich-asean-cup.html",
    "2025-01-05", "Việt Nam vô địch ASEAN Cup sau chiến thắng tại Bangkok",
    """Đội tuyển Việt Nam đã thắng Thái Lan 3-2 trên sân Rajamangala tối 5/1 để giành chức vô địch ASEAN Cup với tổng tỷ số 5-3.

Xuân Son ghi bàn mở tỷ số trước khi rời sân vì chấn thương. Huấn luyện viên Kim Sang-sik khen ngợi tinh thần của các cầu thủ.""",
    [], "hard_negative", "A football site's genuine football news: not a content farm.",
    before="Trang chủ | Lịch thi đấu | Kết quả | Tỷ lệ kèo\n", after="\nChia sẻ: Facebook\n")

vi_minerals = page(
    "vi-005", "vi", "Báo Điện Tử Phương Nam", "https://phuongnam.test/the-gioi/my-ukraine-ky-thoa-thuan-khoang-san.html",
    "2025-05-01", "Mỹ và Ukraine ký thỏa thuận khoáng sản",
    """Mỹ và Ukraine đã ký thỏa thuận về khoáng sản tại Washington ngày 30/4, sau nhiều tuần đàm phán.

Bộ trưởng Tài chính Mỹ Scott Bessent cho biết thỏa thuận gửi tín hiệu rõ ràng tới Nga. Hai bên sẽ lập quỹ đầu tư tái thiết chung.""",
    [], "clean", "Original Vietnamese report, one day after the signing (follow-up within the month).",
    after="\nTin liên quan\n- Giá vàng hôm nay\n")

vi_retro = page(
    "vi-006", "vi", "Tin Nhanh Thế Giới", "https://tinnhanhthegioi.test/the-gioi/nhin-lai-hoi-dam-anchorage.html",
    "2021-12-28", "Nhìn lại năm 2021: những sự kiện ngoại giao nổi bật",
    """Năm 2021 mở đầu bằng cuộc đối đầu công khai giữa Ngoại trưởng Mỹ Antony Blinken và ông Dương Khiết Trì tại Anchorage hôm 18/3.

Tháng 11, Chủ tịch Trung Quốc Tập Cận Bình và Tổng thống Mỹ Joe Biden đã có cuộc gặp trực tuyến đầu tiên. Bài viết điểm lại những dấu mốc chính của một năm đầy biến động.""",
    [], "hard_negative", "End-of-year review recalling earlier events, openly: not a republication.",
    after="\nChia sẻ: Facebook Zalo\n")

# ============================================================================ clean originals: es
es_beijing = page(
    "es-001", "es", "Diario del Pacífico", "https://diariodelpacifico.test/internacional/blinken-qin-pekin",
    "2023-06-18", "Blinken y Qin Gang mantienen largas conversaciones en Pekín",
    """El secretario de Estado de Estados Unidos, Antony Blinken, se reunió el domingo en Pekín con el ministro chino de Asuntos Exteriores, Qin Gang, durante más de siete horas.

Ambas partes calificaron las conversaciones de francas y constructivas. Blinken invitó a Qin a visitar Washington.""",
    [], "clean", "Original Spanish report of the 18 June 2023 talks.",
    before="Portada | Internacional | Economía | Deportes\n", after="\nCompartir: Facebook Twitter\n")

es_sanctions = page(
    "es-002", "es", "El Observador Europeo", "https://observadoreuropeo.test/ue-sanciones-rusia-decimotercer-paquete",
    "2024-02-23", "La UE aprueba un nuevo paquete de sanciones contra Rusia",
    """La Unión Europea aprobó el viernes su decimotercer paquete de sanciones contra Rusia, en vísperas del segundo aniversario de la invasión de Ucrania.

Las medidas incluyen a casi 200 empresas y personas. El Kremlin condenó la decisión y anunció represalias.""",
    [], "clean", "Original Spanish report, 23 February 2024.", after="\nCompartir: Facebook Twitter\n")

es_kl = page(
    "es-003", "es", "Diario del Pacífico", "https://diariodelpacifico.test/internacional/rubio-wang-yi-kuala-lumpur",
    "2025-07-11", "Rubio y Wang Yi se reúnen en Kuala Lumpur",
    """El secretario de Estado, Marco Rubio, se reunió el viernes en Kuala Lumpur con el ministro chino de Exteriores, Wang Yi, al margen de la cumbre de la ASEAN.

Rubio calificó el encuentro de constructivo y positivo. Wang pidió a Washington levantar las restricciones a las empresas chinas.""",
    [], "clean", "Original Spanish report, 11 July 2025.", after="\nCompartir: Facebook Twitter\n")

es_minerals = page(
    "es-004", "es", "Crónica Global", "https://cronicaglobal.test/mundo/eeuu-ucrania-acuerdo-minerales",
    "2025-04-30", "Estados Unidos y Ucrania firman el acuerdo de minerales",
    """Estados Unidos y Ucrania firmaron el miércoles en Washington un acuerdo que da a Washington acceso a los recursos minerales ucranianos.

El secretario del Tesoro, Scott Bessent, dijo que el pacto envía una señal clara a Rusia.""",
    [], "clean", "Original Spanish report, 30 April 2025.", after="\nLo más leído\n- El tiempo\n")

es_sport = page(
    "es-005", "es", "Fútbol Total", "https://futboltotal.test/liga/real-madrid-barcelona-clasico",
    "2024-10-27", "El Barcelona golea al Real Madrid en el Bernabéu",
    """El Barcelona venció 0-4 al Real Madrid el sábado en el Santiago Bernabéu, con dos goles de Robert Lewandowski.

Lamine Yamal y Raphinha completaron la goleada. El entrenador Hansi Flick elogió la presión de su equipo.""",
    [], "hard_negative", "A football site's genuine football news: not a content farm.",
    before="Portada | LaLiga | Champions | Apuestas\n", after="\nCompartir: Facebook\n")

es_retro = page(
    "es-006", "es", "Crónica Global", "https://cronicaglobal.test/mundo/un-ano-de-guerra-en-ucrania",
    "2023-02-24", "Un año de guerra en Ucrania: cronología",
    """Hace un año, el 24 de febrero de 2022, Rusia lanzó la invasión a gran escala de Ucrania. En abril, las tropas rusas se retiraron de los alrededores de Kiev.

En septiembre, Ucrania recuperó gran parte de la región de Járkov. Este aniversario llega con la guerra estancada en el este.""",
    [], "hard_negative", "Anniversary chronology recalling events a year old on purpose: not a republication.",
    after="\nCompartir: Facebook Twitter\n")

es_manila = page(
    "es-007", "es", "El Observador Europeo", "https://observadoreuropeo.test/filipinas-protesta-china-cañones-agua",
    "2024-03-05", "Filipinas protesta ante China por el uso de cañones de agua",
    """Filipinas convocó el martes a un diplomático chino para protestar por el uso de cañones de agua contra una misión de abastecimiento cerca del atolón Second Thomas.

Cuatro tripulantes filipinos resultaron heridos. Pekín acusó a Manila de provocación.""",
    [], "clean", "Original Spanish report, 5 March 2024.", after="\nCompartir: Facebook Twitter\n")

# ============================================================================ fr / ru
fr_beijing = page(
    "fr-001", "fr", "Le Courrier International Test", "https://courrier-intl.test/monde/blinken-qin-gang-pekin",
    "2023-06-18", "Antony Blinken et Qin Gang se parlent pendant sept heures à Pékin",
    """Le secrétaire d'État américain Antony Blinken s'est entretenu dimanche à Pékin avec le ministre chinois des Affaires étrangères Qin Gang.

Les deux parties ont qualifié les discussions de franches et constructives.""",
    [], "clean", "Original French report, 18 June 2023.", after="\nPartager : Facebook Twitter\n")

ru_lavrov = page(
    "ru-001", "ru", "Вестник Востока", "https://vestnik-vostoka.test/world/lavrov-wang-yi-2024",
    "2024-04-09", "Лавров провёл переговоры с Ван И в Пекине",
    """Министр иностранных дел России Сергей Лавров 9 апреля провёл переговоры в Пекине с министром иностранных дел КНР Ван И.

Стороны обсудили ситуацию на Украине и подготовку визита президента России в Китай.""",
    [], "clean", "Original Russian report, 9 April 2024.", after="\nПоделиться: Telegram VK\n")

# ============================================================================ more clean pages
page("en-017", "en", "Harbor Wire", "https://harborwire.test/world/2024/11/16/biden-xi-lima",
     "2024-11-16", "Biden and Xi meet in Lima for last time as counterparts",
     """President Joe Biden met Chinese President Xi Jinping on the sidelines of the APEC summit in Lima on Saturday, their last meeting before Biden leaves office.

Xi said China was ready to work with the new administration. The two leaders agreed that humans, not artificial intelligence, should control decisions on the use of nuclear weapons.""",
     [], "clean", "Original report, 16 November 2024.", before=NAV_EN, after=SHARE_EN)
page("en-018", "en", "Pacific Ledger", "https://pacificledger.test/2023/11/15/woodside-summit",
     "2023-11-15", "Biden and Xi agree to restore military talks",
     """Joe Biden and Xi Jinping agreed on Wednesday to restore military-to-military communications and to cooperate against fentanyl trafficking, after four hours of talks at a California estate.

Both leaders described the meeting as constructive. It was a win-win outcome, one official said, though deep differences over Taiwan remain.""",
     [], "hard_negative", "Correct English 'win-win outcome' (an idiom the MT patterns exempt).",
     before=NAV_EN, after=SHARE_EN + COOKIE_EN)
page("en-019", "en", "Continental Post", "https://continentalpost.test/world/un-vote-gaza-ceasefire",
     "2023-12-12", "UN General Assembly demands ceasefire in Gaza",
     """The UN General Assembly voted on Tuesday to demand an immediate humanitarian ceasefire in Gaza, with 153 countries in favour and 10 against.

The United States and Israel voted against the resolution, which is not binding.""",
     [], "clean", "Original report, 12 December 2023.", before=NAV_EN, after=RELATED_EN)
page("en-020", "en", "Alpine Review", "https://alpinereview.test/2023/06/14/opinion-beijing-visit",
     "2023-06-14", "Opinion: what Blinken should ask for in Beijing",
     """Antony Blinken travels to Beijing this weekend. The secretary of state should press for military hotlines, and should not expect a breakthrough.

The last visit by a secretary of state, Mike Pompeo's in 2018, ended with a public rebuke. Expectations should stay low.""",
     [], "hard_negative", "Opinion piece naming a former secretary of state correctly in the past ('Mike Pompeo's in 2018').",
     before=NAV_EN, after=SHARE_EN)
page("zh-007", "zh", "环球时讯", "https://huanqiushixun.test/2024/11/16/xi-biden-lima.html", "2024-11-16",
     "习近平同美国总统拜登在利马会晤",
     """当地时间11月16日，国家主席习近平在秘鲁利马出席亚太经合组织领导人非正式会议期间同美国总统拜登会晤。

习近平表示，中方愿同美国新政府保持对话、拓展合作、管控分歧。""",
     [], "clean", "Original Chinese report, 16 November 2024.", after="\n分享到：微信 微博\n")
page("zh-008", "zh", "欧亚观察", "https://ouyaguancha.test/2024/04/09/lavrov-wangyi.html", "2024-04-09",
     "王毅同俄罗斯外长拉夫罗夫会谈",
     """4月9日，中共中央政治局委员、外交部长王毅在北京同俄罗斯外长拉夫罗夫举行会谈。

双方就乌克兰危机等国际和地区问题交换了意见。""",
     [], "clean", "Original Chinese report, 9 April 2024; 王毅 was foreign minister on this date.",
     after="\n责任编辑：赵强\n")
page("zh-009", "zh", "华讯网", "https://huaxun.test/world/2023-12/26/review-2023.htm", "2023-12-26",
     "2023年中美关系回顾",
     """回顾2023年，中美关系在波折中趋稳。6月，美国国务卿布林肯访华；11月，两国元首在旧金山会晤。

专家认为，两国关系仍面临诸多挑战。""",
     [], "hard_negative", "Year-end review recalling earlier events openly: not a republication.",
     after="\n分享到：微信\n")
page("vi-007", "vi", "Báo Điện Tử Phương Nam", "https://phuongnam.test/the-gioi/eu-trung-phat-nga-lan-13.html",
     "2024-02-24", "EU thông qua gói trừng phạt thứ 13 đối với Nga",
     """Liên minh châu Âu ngày 23/2 đã thông qua gói trừng phạt thứ 13 nhằm vào Nga, bổ sung gần 200 cá nhân và tổ chức vào danh sách.

Điện Kremlin lên án quyết định này.""",
     [], "clean", "Original Vietnamese report, one day after the decision.", after="\nChia sẻ: Facebook Zalo\n")
page("vi-008", "vi", "Tin Nhanh Thế Giới", "https://tinnhanhthegioi.test/the-gioi/biden-tap-can-binh-lima.html",
     "2024-11-17", "Ông Biden và ông Tập Cận Bình gặp nhau tại Lima",
     """Tổng thống Mỹ Joe Biden và Chủ tịch Trung Quốc Tập Cận Bình đã gặp nhau bên lề hội nghị APEC tại Lima ngày 16/11.

Hai nhà lãnh đạo nhất trí con người phải kiểm soát quyết định sử dụng vũ khí hạt nhân.""",
     [], "clean", "Original Vietnamese report, 17 November 2024.", after="\nChia sẻ: Facebook Zalo\n")
page("es-008", "es", "Diario del Pacífico", "https://diariodelpacifico.test/internacional/biden-xi-lima",
     "2024-11-16", "Biden y Xi se reúnen en Lima",
     """El presidente Joe Biden y el presidente chino Xi Jinping se reunieron el sábado en Lima, al margen de la cumbre de APEC.

Xi dijo que China está dispuesta a trabajar con el nuevo gobierno estadounidense.""",
     [], "clean", "Original Spanish report, 16 November 2024.", after="\nCompartir: Facebook Twitter\n")
page("es-009", "es", "Crónica Global", "https://cronicaglobal.test/mundo/israel-hezbola-alto-el-fuego",
     "2024-11-27", "Entra en vigor el alto el fuego entre Israel y Hezbolá",
     """El alto el fuego entre Israel y Hezbolá entró en vigor el miércoles en el Líbano, tras más de un año de combates.

El acuerdo fue mediado por Estados Unidos y Francia.""",
     [], "clean", "Original Spanish report, 27 November 2024.", after="\nLo más leído\n- El tiempo\n")
page("es-010", "es", "El Observador Europeo", "https://observadoreuropeo.test/nota-de-prensa-ministerio",
     "2025-07-12", "Comunicado: el ministro Wang Yi se reúne con el secretario de Estado Marco Rubio",
     """El 11 de julio, el ministro de Asuntos Exteriores Wang Yi se reunió en Kuala Lumpur con el secretario de Estado de Estados Unidos, Marco Rubio.

Ambas partes acordaron reforzar los intercambios a todos los niveles. (Comunicado traducido por la embajada.)""",
     [], "hard_negative", "Human-translated press release in Spanish: correct names and roles, no artefacts.",
     after="\nOficina de prensa\n")
page("fr-002", "fr", "Le Courrier International Test", "https://courrier-intl.test/monde/ue-sanctions-russie",
     "2024-02-23", "L'UE adopte un treizième paquet de sanctions contre la Russie",
     """L'Union européenne a adopté vendredi un treizième paquet de sanctions contre la Russie, à la veille du deuxième anniversaire de l'invasion de l'Ukraine.

Le Kremlin a condamné cette décision.""",
     [], "clean", "Original French report, 23 February 2024.", after="\nPartager : Facebook Twitter\n")
page("ru-002", "ru", "Вестник Востока", "https://vestnik-vostoka.test/world/xi-putin-moscow-2023",
     "2023-03-21", "Си Цзиньпин и Путин провели переговоры в Кремле",
     """Председатель КНР Си Цзиньпин и президент России Владимир Путин 21 марта провели переговоры в Кремле и подписали совместное заявление.

Стороны договорились углублять стратегическое партнёрство.""",
     [], "clean", "Original Russian report, 21 March 2023.", after="\nПоделиться: Telegram VK\n")
page("ru-003", "ru", "Сибирский Вестник", "https://sibvestnik.test/world/eu-sanctions-13",
     "2024-02-23", "ЕС утвердил тринадцатый пакет санкций против России",
     """Европейский союз в пятницу утвердил тринадцатый пакет санкций против России. В МИД России заявили, что ответ последует.""",
     [], "clean", "Original Russian report, 23 February 2024.", after="\nПоделиться: Telegram\n")

# ============================================================================ syndication (same group)
copy_of(en_beijing, "en-016", "harborwire.test", "https://asia.harborwire.test/2023/06/18/blinken-qin-beijing",
        "2023-06-18", ["near_duplicate"], "hard_negative",
        "The same article on the same outlet's regional edition (related host): a linked copy, not a content farm.",
        before=NAV_EN, after=SHARE_EN)

# ============================================================================ machine translated
page("mt-en-01", "en", "World Hot Newses", "https://worldhotnewses.test/china-america/brinken-qin-meet",
     "2023-06-19", "America State Secretary Brinken meet with Qin Gang in Beijing",
     """Local time 18th June, America State Secretary Brinken in Beijing meet together with Foreign Minister Qin Gang, two sides hold talks talks more than seven hour.

Qin Gang expressed, China US relation is at since establish diplomatic relation the lowest point. He stressed, the both sides should manage control divergence, prevent relation go down slide.

Brinken expressed, American side willing with Chinese side keep communicate, double side relations should return to track. Meeting talk is candid of, constructive of.""",
     ["machine_translated"], "mt", "Literal translation from Chinese: misspelt 'Brinken', calques ('meet together with', 'hold talks talks', 'double side relations', 'the both sides').")

page("mt-en-02", "en", "Asia Quick Informations", "https://asiaquickinfo.test/news/wang-yee-rubbio",
     "2025-07-12", "Wang Yee and Rubbio have first face meet",
     """Foreign Minister Wang Yee 11th July in Kuala Lumpur meet with United States Secretary of the State Rubbio. This is America new government go on stage since two foreign ministers first time face to face.

Wang Yee pointed out, China US as world on biggest two economy body should mutual respect, cooperation win win. Rubbio expressed, American side willing explore cooperation.""",
     ["machine_translated"], "mt", "Literal translation with the two known misspellings (Wang Yee, Rubbio) and several calques.")

page("mt-en-03", "en", "Global Daily Informations", "https://globaldailyinfo.test/europe/sanction-russia",
     "2024-02-24", "European Union pass 13th sanction package to Russia",
     """European Union on 23rd pass the thirteenth round to Russia sanction measures, put nearly 200 entity and individual into list.

Russia foreign affairs ministry to this give condemnation, said will make out response. Analyse person point out, new round sanction mainly aim at help Russian side obtain military parts of third country enterprise.""",
     ["machine_translated"], "mt", "Word-for-word translation from Chinese with no misspelt names and artefacts that the pattern list does not know (measures recall of unlisted calques).")

page("mt-en-04", "en", "Vietnam Newses Today", "https://vnnewsestoday.test/world/philippines-china-water-gun",
     "2024-03-06", "Philippines call China representative to protest spray water gun",
     """Day 5/3, Ministry of Outside Affairs Philippines has called representative of Embassy China to protest the spray water gun of ship sea police China into ship supply near shoal Grass Cloud.

Four sailor Philippines was hurt. Beijing accuse Manila invade sovereignty. The both sides said that said they will continue to have informations.""",
     ["machine_translated"], "mt", "Literal translation from Vietnamese: word order of the source, 'Ministry of Outside', 'the both sides', 'said that said', 'informations'.")

page("mt-en-05", "en", "Express World Feed", "https://expressworldfeed.test/2024/04/lavrow-wang-yi",
     "2024-04-10", "Lavrow conducted negotiations with Wang I in Beijing",
     """Minister of foreign affairs of Russia Sergei Lavrow on 9 April conducted negotiations in Beijing with minister of foreign affairs of PRC Wang I.

Sides discussed situation on Ukraine and preparation of visit of president of Russia into China. Lavrow noted, relations of two countries are located on highest level in all history.""",
     ["machine_translated"], "mt", "Literal translation from Russian: articles dropped, 'are located on highest level', misspelt 'Lavrow' (Lavrov).")

page("mt-en-06", "en", "News Of World 24", "https://newsofworld24.test/usa-ukraine-minerals",
     "2025-05-01", "America and Ukraine sign minerals agreement",
     """America and Ukraine on 30th April in Washington signed agreement about minerals, after many week of difficult negotiate.

Finance Minister of America Scott Bessant said agreement send clear signal to Russia. Two side will establish joint rebuild investment fund. Zelensky expressed, this is really equal agreement.""",
     ["machine_translated"], "mt", "Literal translation: 'Bessant' for Bessent, dropped articles, 'Two side', 'negotiate' as a noun.")

page("mt-zh-01", "zh", "全球快讯网", "https://quanqiukuaixun.test/2023/06/19/bulinken.html", "2023-06-19",
     "国家秘书布林肯在北京会见会见秦刚",
     """美国的的国家秘书布林肯18日在北京和秦刚外国部长进行了谈话超过七个小时。

双方说说道，谈话是坦率的和建设性的。布林肯邀请了秦刚去访问华盛顿在一个双方方便的时间。""",
     ["machine_translated"], "mt", "Chinese machine-translated from English: 国家秘书 for Secretary of State, doubled 的的/会见会见, English word order.")

page("mt-vi-01", "vi", "Tin Thế Giới 24h Nhanh", "https://tinthegioi24hnhanh.test/blinken-gap-tan-cuong.html",
     "2023-06-19", "Bộ trưởng ngoại giao của ngoài Mỹ Blinken gặp gỡ gặp Tần Cương",
     """Bộ trưởng ngoại giao của ngoài Mỹ Blinken đã gặp gỡ gặp ông Tần Cương tại Bắc Kinh ngày 18/6 trong hơn bảy giờ.

Bên phía bên Trung Quốc nói rằng nói quan hệ đang ở điểm thấp nhất. Hai bên của của hội đàm đồng ý giữ liên lạc.""",
     ["machine_translated"], "mt", "Vietnamese machine-translated page with doubled words and 'của ngoài' calque.")

page("mt-es-01", "es", "Noticias Mundo Rápido", "https://noticiasmundorapido.test/blinkon-qin-pekin",
     "2023-06-19", "Secretario de la Estado Blinkon encuentra con Qin Gang en Pekín",
     """Hora local 18 de junio, Secretario de la Estado de América Blinkon en Pekín encontró junto con Ministro de Exteriores Qin Gang, dos lados sostener conversaciones más de siete hora.

Qin Gang expresó, relación China EEUU está en desde establecer relaciones diplomáticas el punto más bajo. Ambos lados deben gestionar controlar divergencias.""",
     ["machine_translated"], "mt", "Spanish literal translation from Chinese: 'Blinkon', 'de la Estado', 'gestionar controlar'. No Spanish patterns exist yet.")

page("mt-fr-01", "fr", "Actualités Monde Express", "https://actumondeexpress.test/wang-yee-rubbio",
     "2025-07-12", "Wang Yee rencontre avec Rubbio à Kuala Lumpur",
     """Heure locale 11 juillet, ministre des Affaires extérieures Wang Yee à Kuala Lumpur a rencontré avec secrétaire de l'État américain Rubbio. Les deux côtés ont tenu pourparlers pourparlers.

Wang Yee a exprimé, Chine États-Unis comme monde sur plus grandes deux économies doivent respect mutuel, coopération gagner gagner.""",
     ["machine_translated"], "mt", "French literal translation from Chinese with the known misspellings and calques ('gagner gagner', 'monde sur plus grandes').")

# ============================================================================ garbled (role contradictions)
page("gb-en-01", "en", "Pacific Daily Digest", "https://pacificdailydigest.test/2023/06/19/beijing-talks",
     "2023-06-19", "Blinken holds talks in Beijing",
     """U.S. Secretary of State Antony Blinken held talks in Beijing on Sunday with Chinese Foreign Minister Wang Yi, the first such visit in five years.

The two sides described the discussions as candid. Blinken also met President Xi Jinping on Monday.""",
     ["garbled"], "garbled", "Wang Yi named as foreign minister in June 2023, when Qin Gang held the post.")

page("gb-en-02", "en", "Asia Brief Today", "https://asiabrieftoday.test/2025/07/11/kl-talks",
     "2025-07-11", "US and China foreign ministers meet in Kuala Lumpur",
     """Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Kuala Lumpur on Friday on the sidelines of the ASEAN meetings.

Both sides called the meeting constructive and agreed to strengthen exchanges.""",
     ["garbled"], "garbled", "Blinken named as secretary of state in July 2025, when Marco Rubio held the post.")

page("gb-en-03", "en", "Global Affairs Now", "https://globalaffairsnow.test/2024/04/lavrov-beijing",
     "2024-04-09", "Lavrov meets Qin Gang in Beijing",
     """Russian Foreign Minister Sergei Lavrov held talks in Beijing on Tuesday with Chinese Foreign Minister Qin Gang on the war in Ukraine and a planned visit by Vladimir Putin.""",
     ["garbled"], "garbled", "Qin Gang named as foreign minister in April 2024; he was removed in July 2023 (Wang Yi).")

page("gb-en-04", "en", "World Report Hub", "https://worldreporthub.test/2022/05/pompeo-asean",
     "2022-05-13", "Secretary of State Pompeo hosts ASEAN leaders",
     """Secretary of State Mike Pompeo hosted leaders of Southeast Asian nations in Washington on Thursday for a special summit with President Joe Biden.""",
     ["garbled"], "garbled", "Pompeo named as secretary of state in May 2022 (Blinken held the post).")

page("gb-zh-01", "zh", "热点新闻汇", "https://redianxinwen.test/2024/04/09/lawaluofu.html", "2024-04-09",
     "外交部长秦刚会见拉夫罗夫",
     """4月9日，外交部长秦刚在北京同俄罗斯外长拉夫罗夫举行会谈，双方就乌克兰局势交换意见。""",
     ["garbled"], "garbled", "秦刚 named as foreign minister in April 2024 (王毅 held the post).")

page("gb-vi-01", "vi", "Tin Tức Quốc Tế 365", "https://tintucquocte365.test/blinken-vuong-nghi-kuala-lumpur.html",
     "2025-07-11", "Ngoại trưởng Mỹ Antony Blinken gặp Ngoại trưởng Trung Quốc Vương Nghị",
     """Ngày 11/7, Ngoại trưởng Mỹ Antony Blinken đã gặp Ngoại trưởng Trung Quốc Vương Nghị tại Kuala Lumpur.

Hai bên nhất trí tăng cường trao đổi.""",
     ["garbled"], "garbled", "Blinken named as US secretary of state in July 2025 (Rubio held the post).")

page("gb-es-01", "es", "Noticias Globales Hoy", "https://noticiasglobaleshoy.test/wang-yi-blinken-2023",
     "2023-06-18", "Blinken se reúne con el canciller Wang Yi en Pekín",
     """El secretario de Estado Antony Blinken se reunió el domingo en Pekín con el canciller chino Wang Yi durante más de siete horas.""",
     ["garbled"], "garbled", "Wang Yi named as foreign minister on 18 June 2023 (Qin Gang held the post).")

page("gb-en-05", "en", "Daily World Wire", "https://dailyworldwire.test/2023/06/brinken-wang",
     "2023-06-19", "State Secretary Brinken meet Foreign Minister Wang Yi",
     """Local time 18th June, America State Secretary Brinken in Beijing meet together with Foreign Minister Wang Yi, the both sides hold talks talks more than seven hour. Meeting talk is candid of, constructive of.""",
     ["machine_translated", "garbled"], "mt+garbled", "Machine translated and garbled: Wang Yi as foreign minister in June 2023.")

# ============================================================================ republished
page("rp-en-01", "en", "Daily Politics Review", "https://dailypoliticsreview.test/2021/04/22/anchorage-clash",
     "2021-04-22", "U.S. and China trade barbs in Anchorage",
     """Blinken and Yang Jiechi traded sharp words at the opening of the talks in Anchorage on March 18, in front of reporters.

Blinken accused Beijing of threatening the rules-based order. Yang said the United States had no standing to speak to China from a position of strength.""",
     ["republished"], "republished", "The issue's example: an April 2021 page presenting the March 2021 Anchorage talks as news (original en-002 in the set).")

copy_of(en_kl, "rp-en-02", "The Strait Times Review", "https://straitreview.test/asia/rubio-wang-yi-kuala-lumpur-2",
        "2025-11-20", ["republished", "near_duplicate"], "republished",
        "The same site re-posts its July 2025 article in November 2025 under a new URL (original en-003).",
        before=NAV_EN, after=SHARE_EN)

page("rp-en-03", "en", "Morning Digest Online", "https://morningdigest.test/world/eu-sanctions-russia",
     "2024-07-02", "EU hits Russia with new sanctions",
     """The European Union on February 23 adopted its thirteenth package of sanctions against Russia, adding nearly 200 companies and individuals to its blacklist.

The Kremlin condemned the decision on February 23 and said Russia would respond.""",
     ["republished"], "republished", "July 2024 page presenting the February 2024 sanctions package as news (original en-004).")

page("rp-zh-01", "zh", "每日要闻", "https://meiriyaowen.test/2023/10/05/qingang-bulinken.html", "2023-10-05",
     "秦刚同布林肯在北京举行会谈",
     """6月18日，外交部长秦刚在北京同美国国务卿布林肯举行会谈，双方进行了坦诚、深入、建设性的沟通。

双方同意继续保持高层交往。""",
     ["republished"], "republished", "October 2023 page presenting the June 2023 talks as news (original zh-001); 秦刚 was foreign minister on the event date, but not on the page's date.")

page("rp-vi-01", "vi", "Tin Mới Mỗi Ngày", "https://tinmoimoingay.test/philippines-trung-quoc-voi-rong.html",
     "2024-08-14", "Philippines phản đối Trung Quốc phun vòi rồng",
     """Ngày 5/3, Bộ Ngoại giao Philippines đã triệu đại diện Trung Quốc để phản đối việc tàu hải cảnh Trung Quốc phun vòi rồng vào tàu tiếp tế gần bãi Cỏ Mây.

Bốn thủy thủ Philippines bị thương.""",
     ["republished"], "republished", "August 2024 page presenting the March 2024 incident as news (original vi-003).")

page("rp-es-01", "es", "Actualidad Express", "https://actualidadexpress.test/eeuu-ucrania-minerales",
     "2025-09-15", "EEUU y Ucrania firman acuerdo de minerales",
     """Estados Unidos y Ucrania firmaron el 30 de abril en Washington un acuerdo que da acceso a los recursos minerales ucranianos.

El secretario del Tesoro, Scott Bessent, dijo que el pacto envía una señal clara a Rusia.""",
     ["republished"], "republished", "September 2025 page presenting the April 2025 deal as news (original es-004).")

# ============================================================================ content farms
FARM_BEFORE = ("Top Casino Bonus 2025 | Free Spins | Slots | Live Dealer | Promotions\n"
               "Claim your 200% welcome bonus now! Play responsibly. 18+\n")
FARM_AFTER = ("\nBest online casinos this month\n- Mega Reels: 150 free spins\n- Royal Jackpot: 100% bonus\n"
              "- Lucky Star: no deposit bonus\nPlay now | Terms apply | Gamble responsibly\n"
              "Tags: news, world, casino, bonus, slots\n")

copy_of(en_beijing, "cf-en-01", "LuckyReel Casino News", "https://luckyreelcasino.test/news/blinken-qin-beijing",
        "2023-06-19", ["content_farm", "near_duplicate"], "content_farm",
        "Casino site carrying a copy of en-001.", before=FARM_BEFORE, after=FARM_AFTER)
copy_of(en_kl, "cf-en-02", "Daily Trend Hub", "https://dailytrendhub.test/rubio-wang-yi-meet",
        "2025-07-12", ["content_farm", "near_duplicate"], "content_farm",
        "Copy of en-003 under an unrelated site name.", after="\nTrending now | Viral | Celebrity | Recipes\n")
copy_of(en_kl, "cf-en-03", "Buzz Feed Planet", "https://buzzfeedplanet.test/world/rubio-wang-kl",
        "2025-07-12", ["content_farm", "near_duplicate"], "content_farm",
        "A second copy of en-003 under another unrelated site name.", title="Rubio, Wang Yi meet: what we know")
copy_of(en_sanctions, "cf-en-04", "Bet Tips Daily", "https://bettipsdaily.test/world/eu-sanctions",
        "2024-02-24", ["content_farm", "near_duplicate"], "content_farm",
        "Betting-tips site carrying a copy of en-004.",
        before="Today's tips | Accumulators | Odds\n", after="\nBet now and get free bets\n")
page("cf-en-05", "en", "Mega Slots Casino", "https://megaslots.test/blog/ceasefire-lebanon", "2024-11-28",
     "Ceasefire in Lebanon holds on first day",
     """The ceasefire between Israel and Hezbollah held on its first day on Thursday, as displaced families returned to southern Lebanon and the Lebanese army deployed along the border.""",
     ["content_farm"], "content_farm", "Casino site with its own short world-news item (not a copy).",
     before=FARM_BEFORE, after=FARM_AFTER)
page("cf-en-06", "en", "Viral News Planet", "https://viralnewsplanet.test/korea-japan",
     "2023-03-17", "Korea Japan summit",
     """Yoon Suk Yeol met Fumio Kishida in Tokyo on Thursday.""",
     ["content_farm"], "content_farm", "Mostly boilerplate: one line of news in a page of links and ads.",
     before=("Home | Trending | Viral | Celebs | Quizzes | Horoscope | Recipes | Deals\n" * 3),
     after=("\nYou may also like\n" + "".join(f"- Sponsored: amazing trick number {i} doctors hate\n"
                                              for i in range(1, 25)) + COOKIE_EN))
copy_of(zh_kl, "cf-zh-01", "幸运彩票网", "https://xingyuncaipiao.test/news/wangyi-rubio.html", "2025-07-12",
        ["content_farm", "near_duplicate"], "content_farm", "Lottery site (彩票) carrying a copy of zh-002.",
        before="首页 | 彩票开奖 | 足球竞彩 | 博彩资讯\n", after="\n立即注册领取彩金\n")
copy_of(vi_manila, "cf-vi-01", "Nhà Cái Uy Tín", "https://nhacaiuytin.test/tin-tuc/philippines-trung-quoc.html",
        "2024-03-06", ["content_farm", "near_duplicate"], "content_farm",
        "Betting site (nhà cái) carrying a copy of vi-003.",
        before="Trang chủ | Kèo nhà cái | Soi kèo | Xổ số\n", after="\nĐăng ký nhận thưởng 100%\n")
copy_of(vi_beijing, "cf-vi-02", "Xổ Số Hôm Nay", "https://xosohomnay.test/the-gioi/blinken-tan-cuong.html",
        "2023-06-19", ["content_farm", "near_duplicate"], "content_farm", "Lottery site carrying a copy of vi-001.",
        after="\nKết quả xổ số hôm nay\n")
copy_of(es_sanctions, "cf-es-01", "Apuestas Ganadoras", "https://apuestasganadoras.test/noticias/ue-sanciones",
        "2024-02-24", ["content_farm", "near_duplicate"], "content_farm",
        "Betting site carrying a copy of es-002.", before="Inicio | Apuestas | Casino | Pronósticos\n",
        after="\nRegístrate y recibe 100 euros\n")
copy_of(es_kl, "cf-es-02", "Noticias Virales Hoy", "https://noticiasviraleshoy.test/rubio-wang-yi",
        "2025-07-13", ["content_farm", "near_duplicate"], "content_farm",
        "Copy of es-003 under an unrelated site name.")


def main() -> None:
    """Write the set (records in id order)."""
    ids = [p["id"] for p in PAGES]
    assert len(ids) == len(set(ids)), "duplicate ids"
    with OUT.open("w", encoding="utf-8") as fh:
        for rec in sorted(PAGES, key=lambda p: p["id"]):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(PAGES)} pages to {OUT}")


if __name__ == "__main__":
    main()
