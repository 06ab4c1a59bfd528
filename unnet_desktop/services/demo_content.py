"""The sample network written by ``services.demo``: plain data tables, no database code.

Every person here is fictional. Phone numbers use the 555 exchange so that none of them is anyone's
real number. Organisations, laws and places are real, as the Terms of Reference name them.
Records refer to each other by short keys (``"ilo"``, ``"ilo_fp"``); ``demo.py`` turns keys into rows.
Times are WIB wall-clock ``(year, month, day, hour, minute)``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..core.enums import (
    ActionStatus,
    ActivityStatus,
    Attendance,
    Confidentiality,
    InvitationStatus,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
    NetworkRole,
    OrganisationCategory,
    ParticipantRole,
    PolicyStatus,
    PolicyType,
    Sex,
    WorkingGroupKind,
    WorkPlanStatus,
)

D = dt.date
USD = Decimal
Cat = OrganisationCategory
F, M, NR = Sex.FEMALE, Sex.MALE, Sex.NOT_RECORDED

# --------------------------------------------------------------------------------------------
# Organisations: (key, name, acronym, category, network role, member since, notes)
# --------------------------------------------------------------------------------------------
ORGANISATIONS: list[tuple] = [
    ("rco", "United Nations Resident Coordinator's Office", "RCO", Cat.UN_AGENCY, NetworkRole.CHAIR,
     D(2024, 1, 15), "Chairs the Network on behalf of the UN Resident Coordinator (ToR B) and convenes its meetings."),
    ("iom", "International Organization for Migration", "IOM", Cat.UN_AGENCY, NetworkRole.CO_CHAIR_SECRETARIAT,
     D(2024, 1, 15), "IOM Mission in Indonesia: co-chair, coordinator and secretariat of the Network (ToR B)."),
    ("ilo", "International Labour Organization", "ILO", Cat.UN_AGENCY, NetworkRole.MEMBER, D(2024, 2, 12),
     "Leads the Working Group on Fair Recruitment and Decent Work."),
    ("undp", "United Nations Development Programme", "UNDP", Cat.UN_AGENCY, NetworkRole.MEMBER, D(2024, 2, 12), ""),
    ("unicef", "United Nations Children's Fund", "UNICEF", Cat.UN_AGENCY, NetworkRole.MEMBER, D(2024, 2, 14),
     "Focal point changed in August 2024."),
    ("unwomen", "United Nations Entity for Gender Equality and the Empowerment of Women", "UN Women",
     Cat.UN_AGENCY, NetworkRole.MEMBER, D(2024, 2, 14), ""),
    ("unodc", "United Nations Office on Drugs and Crime", "UNODC", Cat.UN_AGENCY, NetworkRole.MEMBER,
     D(2024, 2, 20), "Leads the ad-hoc Working Group on Trafficking in Online Scams."),
    ("who", "World Health Organization", "WHO", Cat.UN_AGENCY, NetworkRole.MEMBER, D(2024, 2, 26), ""),
    ("unfpa", "United Nations Population Fund", "UNFPA", Cat.UN_AGENCY, NetworkRole.MEMBER, D(2024, 2, 26), ""),
    ("unaids", "Joint United Nations Programme on HIV/AIDS", "UNAIDS", Cat.UN_AGENCY, NetworkRole.MEMBER,
     D(2024, 3, 4), "No alternate nominated yet."),
    ("unhcr", "Office of the United Nations High Commissioner for Refugees", "UNHCR", Cat.UN_AGENCY,
     NetworkRole.MEMBER, D(2024, 3, 4),
     "Takes part on mixed movements; refugee matters fall outside the Network's Terms of Reference."),
    ("ohchr", "Office of the United Nations High Commissioner for Human Rights", "OHCHR", Cat.UN_AGENCY,
     NetworkRole.MEMBER, D(2024, 3, 11), "Covered from the Regional Office for South-East Asia in Bangkok."),
    ("fao", "Food and Agriculture Organization of the United Nations", "FAO", Cat.UN_AGENCY, NetworkRole.MEMBER,
     D(2024, 5, 20), "Joined after the first quarterly meeting, for climate mobility and rural livelihoods."),
    ("unesco", "United Nations Educational, Scientific and Cultural Organization", "UNESCO", Cat.UN_AGENCY,
     NetworkRole.MEMBER, D(2024, 8, 19), ""),
    ("worldbank", "World Bank", "WB", Cat.DEVELOPMENT_PARTNER, NetworkRole.OBSERVER, None,
     "Observer: invited to quarterly meetings on remittances and social protection."),
    # Government of Indonesia: guest speakers (ToR C.1)
    ("kemlu", "Ministry of Foreign Affairs", "Kemlu", Cat.GOVERNMENT, NetworkRole.NONE, None,
     "Led the National Action Plan for the implementation of the GCM (2022)."),
    ("kemnaker", "Ministry of Manpower", "Kemnaker", Cat.GOVERNMENT, NetworkRole.NONE, None, ""),
    ("bp2mi", "Indonesian Migrant Workers Protection Agency", "BP2MI", Cat.GOVERNMENT, NetworkRole.NONE, None,
     "Became the Ministry of Protection of Indonesian Migrant Workers (KP2MI) in October 2024; "
     "the Terms of Reference use BP2MI."),
    ("imigrasi", "Directorate General of Immigration, Ministry of Law and Human Rights", "Ditjen Imigrasi",
     Cat.GOVERNMENT, NetworkRole.NONE, None,
     "Under the Ministry of Immigration and Corrections since October 2024."),
    ("bappenas", "Ministry of National Development Planning", "Bappenas", Cat.GOVERNMENT, NetworkRole.NONE,
     None, "Counterpart for the RPJMN and the UNSDCF."),
    ("kemenpppa", "Ministry of Women's Empowerment and Child Protection", "KemenPPPA", Cat.GOVERNMENT,
     NetworkRole.NONE, None, ""),
    ("bps", "Statistics Indonesia", "BPS", Cat.GOVERNMENT, NetworkRole.NONE, None, ""),
    ("ntt", "Provincial Government of East Nusa Tenggara", "Pemprov NTT", Cat.LOCAL_AUTHORITY, NetworkRole.NONE,
     None, "Manpower and Transmigration Office; runs the LTSA in Kupang."),
    ("dpr", "House of Representatives, Commission IX", "DPR RI", Cat.PARLIAMENT, NetworkRole.NONE, None,
     "Commission IX covers health, manpower and population."),
    # Other stakeholders named by the GCM (ToR C.2)
    ("migrantcare", "Migrant CARE", None, Cat.CIVIL_SOCIETY, NetworkRole.NONE, None, ""),
    ("sbmi", "Serikat Buruh Migran Indonesia", "SBMI", Cat.MIGRANT_DIASPORA, NetworkRole.NONE, None,
     "Indonesian Migrant Workers Union, with chapters in Hong Kong, Taiwan and Malaysia."),
    ("karina", "Caritas Indonesia", "KARINA KWI", Cat.FAITH_BASED, NetworkRole.NONE, None, ""),
    ("ksbsi", "Confederation of Indonesian Prosperity Trade Unions", "KSBSI", Cat.TRADE_UNION, NetworkRole.NONE,
     None, ""),
    ("ugm", "Center for Population and Policy Studies, Universitas Gadjah Mada", "PSKK UGM", Cat.ACADEMIA,
     NetworkRole.NONE, None, ""),
    ("kompas", "Kompas", None, Cat.MEDIA, NetworkRole.NONE, None,
     "Invited to the Annual Network Meeting; on-the-record sessions only."),
    ("komnasham", "National Commission on Human Rights", "Komnas HAM", Cat.NHRI, NetworkRole.NONE, None, ""),
    ("pmi", "Indonesian Red Cross Society (Palang Merah Indonesia)", "PMI", Cat.RED_CROSS, NetworkRole.NONE,
     None, ""),
    ("dfat", "Australian Embassy Jakarta (Department of Foreign Affairs and Trade)", "DFAT",
     Cat.DEVELOPMENT_PARTNER, NetworkRole.NONE, None, ""),
    ("apjati", "Association of Indonesian Migrant Worker Placement Companies", "APJATI", Cat.PRIVATE_SECTOR,
     NetworkRole.NONE, None, ""),
]

# --------------------------------------------------------------------------------------------
# People: (key, organisation key, title, full name, sex, position, email, phone)
# --------------------------------------------------------------------------------------------
PEOPLE: list[tuple] = [
    ("rc", "rco", "Ms", "Helena Marchetti", F, "United Nations Resident Coordinator in Indonesia",
     "helena.marchetti@un.org", "+62 21 5550 2300"),
    ("rco_dco", "rco", "Mr", "Arief Nugroho", M, "Development Coordination Officer, Strategic Planning",
     "arief.nugroho@un.org", "+62 21 5550 2312"),
    ("rco_data", "rco", "Ms", "Dewi Kartikasari", F, "Data Management and Results Reporting Officer",
     "dewi.kartikasari@un.org", "+62 21 5550 2318"),
    ("iom_com", "iom", "Mr", "Stefan Vogel", M, "Chief of Mission", "svogel@iom.int", "+62 21 5550 1100"),
    ("iom_sec", "iom", "Ms", "Rina Puspitasari", F, "Migration Governance Officer, Network Secretariat",
     "rpuspitasari@iom.int", "+62 21 5550 1142"),
    ("iom_lm", "iom", "Mr", "Bayu Prasetyo", M, "Programme Officer, Labour Mobility and Human Development",
     "bprasetyo@iom.int", "+62 21 5550 1157"),
    ("iom_ct", "iom", "Ms", "Grace Tambunan", F, "Programme Officer, Counter-Trafficking and Protection",
     "gtambunan@iom.int", "+62 21 5550 1163"),
    ("ilo_head", "ilo", "Dr", "Kazuko Tanaka", F, "Director, ILO Country Office for Indonesia and Timor-Leste",
     "tanakak@ilo.org", "+62 21 5550 3100"),
    ("ilo_fp", "ilo", "Mr", "Hendra Gunawan", M, "National Project Coordinator, Safe and Fair Migration",
     "gunawan@ilo.org", "+62 21 5550 3124"),
    ("ilo_alt", "ilo", "Ms", "Anna Lindqvist", F, "Labour Migration Specialist", "lindqvist@ilo.org",
     "+62 21 5550 3131"),
    ("undp_head", "undp", "Mr", "Nikolai Petersen", M, "Resident Representative", "nikolai.petersen@undp.org",
     "+62 21 5550 4000"),
    ("undp_fp", "undp", "Mr", "Rizky Ramadhan", M, "Programme Analyst, Inclusive Finance",
     "rizky.ramadhan@undp.org", "+62 21 5550 4021"),
    ("undp_alt", "undp", "Ms", "Sarah Whitfield", F, "SDG Integration Specialist", "sarah.whitfield@undp.org",
     "+62 21 5550 4035"),
    ("unicef_head", "unicef", "Ms", "Maryam Siddiqui", F, "Representative", "msiddiqui@unicef.org",
     "+62 21 5550 5000"),
    ("unicef_fp", "unicef", "Ms", "Nurul Hidayah", F, "Child Protection Specialist", "nhidayah@unicef.org",
     "+62 21 5550 5046"),
    ("unicef_alt", "unicef", "Mr", "Tomas Ferreira", M, "Social Policy Specialist", "tferreira@unicef.org",
     "+62 21 5550 5052"),
    ("unicef_old", "unicef", "Mr", "Gregory Hall", M, "Child Protection Officer", "ghall@unicef.org",
     "+62 21 5550 5049"),
    ("unw_head", "unwomen", "Ms", "Ingrid Solheim", F, "Representative and Liaison to ASEAN",
     "ingrid.solheim@unwomen.org", "+62 21 5550 6000"),
    ("unw_fp", "unwomen", "Ms", "Ayu Lestari", F, "Programme Specialist, Women's Economic Empowerment and Migration",
     "ayu.lestari@unwomen.org", "+62 21 5550 6014"),
    ("unw_alt", "unwomen", "Ms", "Claire Dubois", F, "Programme Analyst, Ending Violence against Women",
     "claire.dubois@unwomen.org", "+62 21 5550 6027"),
    ("unodc_head", "unodc", "Mr", "Marco Bellini", M, "Country Manager and Liaison to ASEAN", "marco.bellini@un.org",
     "+62 21 5550 7000"),
    ("unodc_fp", "unodc", "Mr", "Daniel Okafor", M,
     "Programme Officer, Trafficking in Persons and Smuggling of Migrants", "daniel.okafor@un.org",
     "+62 21 5550 7033"),
    ("unodc_alt", "unodc", "Mr", "Yusuf Hakim", M, "National Programme Officer, Transnational Organized Crime",
     "yusuf.hakim@un.org", "+62 21 5550 7041"),
    ("who_head", "who", "Dr", "Paulo Mendes", M, "WHO Representative to Indonesia", "mendesp@who.int",
     "+62 21 5550 8000"),
    ("who_fp", "who", "Dr", "Siti Rahmawati", F, "National Professional Officer, Tuberculosis", "rahmawatis@who.int",
     "+62 21 5550 8052"),
    ("who_alt", "who", "Dr", "Aditya Wibowo", M, "Technical Officer, Health Emergencies", "wibowoa@who.int",
     "+62 21 5550 8067"),
    ("unfpa_head", "unfpa", "Mr", "Hassan Farouk", M, "Representative", "farouk@unfpa.org", "+62 21 5550 9000"),
    ("unfpa_fp", "unfpa", "Ms", "Maria Goretti Sinaga", F, "Population and Development Programme Analyst",
     "sinaga@unfpa.org", "+62 21 5550 9018"),
    ("unfpa_alt", "unfpa", "Mr", "Andreas Kurniawan", M, "Gender Programme Analyst", "kurniawan@unfpa.org",
     "+62 21 5550 9023"),
    ("unaids_head", "unaids", "Ms", "Krittika Chaiyasit", F, "Country Director", "chaiyasitk@unaids.org",
     "+62 21 5550 9400"),
    ("unaids_fp", "unaids", "Mr", "Yohanes Manurung", M, "Community Support Adviser", "manurungy@unaids.org",
     "+62 21 5550 9411"),
    ("unhcr_head", "unhcr", "Mr", "Ahmed Benali", M, "Representative", "benali@unhcr.org", "+62 21 5550 9600"),
    ("unhcr_fp", "unhcr", "Ms", "Laila Rahman", F, "Protection Officer", "rahmanl@unhcr.org", "+62 21 5550 9615"),
    ("unhcr_alt", "unhcr", "Mr", "Kevin Sembiring", M, "Associate Protection Officer, Mixed Movements",
     "sembirin@unhcr.org", "+62 21 5550 9622"),
    ("ohchr_fp", "ohchr", "Ms", "Pimchanok Srisuk", F, "Human Rights Officer, Migration", "pimchanok.srisuk@un.org",
     "+66 2 555 0142"),
    ("fao_head", "fao", "Mr", "Rajesh Iyer", M, "FAO Representative in Indonesia and Timor-Leste",
     "rajesh.iyer@fao.org", "+62 21 5550 9800"),
    ("fao_fp", "fao", "Mr", "Agus Setiawan", M, "Programme Officer, Rural Livelihoods and Resilience",
     "agus.setiawan@fao.org", "+62 21 5550 9812"),
    ("fao_alt", "fao", "Ms", "Ratna Dewi Anggraini", F, "Climate Change Specialist", "ratna.anggraini@fao.org",
     "+62 21 5550 9819"),
    ("unesco_head", "unesco", "Ms", "Lucia Romano", F, "Director, UNESCO Regional Office in Jakarta",
     "l.romano@unesco.org", "+62 21 5550 9900"),
    ("unesco_fp", "unesco", "Ms", "Fatimah Azzahra", F, "Programme Officer, Social and Human Sciences",
     "f.azzahra@unesco.org", "+62 21 5550 9917"),
    ("wb_fp", "worldbank", "Mr", "Samuel Adeyemi", M, "Senior Social Protection Economist",
     "sadeyemi@worldbank.org", "+62 21 5550 9950"),
    # Government
    ("kemlu_p", "kemlu", "Mr", "Rahmat Hidayat", M, "Director for the Protection of Indonesian Citizens Abroad",
     "rahmat.hidayat@kemlu.go.id", "+62 21 5550 3800"),
    ("kemlu_p2", "kemlu", "Ms", "Larasati Wijaya", F, "Deputy Director for Human Rights and Migration",
     "larasati.wijaya@kemlu.go.id", "+62 21 5550 3815"),
    ("kemnaker_p", "kemnaker", "Mr", "Sutrisno", M,
     "Director for Placement and Protection of Indonesian Migrant Workers", "sutrisno@kemnaker.go.id",
     "+62 21 5550 5220"),
    ("bp2mi_p", "bp2mi", "Dr", "Eko Saputra", M, "Director of Placement and Protection Policy",
     "eko.saputra@bp2mi.go.id", "+62 21 5550 7770"),
    ("bp2mi_p2", "bp2mi", "Ms", "Wulan Sari", F, "Head of Complaints Handling", "wulan.sari@bp2mi.go.id",
     "+62 21 5550 7784"),
    ("imigrasi_p", "imigrasi", "Mr", "Teguh Santoso", M, "Head of Sub-directorate for Immigration Cooperation",
     "teguh.santoso@imigrasi.go.id", "+62 21 5550 2510"),
    ("bappenas_p", "bappenas", "Ms", "Indah Permatasari", F, "Director for Manpower and Job Opportunities Expansion",
     "indah.permatasari@bappenas.go.id", "+62 21 5550 3060"),
    ("kemenpppa_p", "kemenpppa", "Ms", "Yuliana Siregar", F,
     "Assistant Deputy for the Protection of Women Workers' Rights", "yuliana.siregar@kemenpppa.go.id",
     "+62 21 5550 3842"),
    ("bps_p", "bps", "Mr", "Dimas Pratama", M, "Head of Sub-directorate for Population Statistics",
     "dimas.pratama@bps.go.id", "+62 21 5550 3841"),
    ("ntt_p", "ntt", "Mr", "Yosef Bria", M, "Head of the Manpower and Transmigration Office",
     "yosef.bria@nttprov.go.id", "+62 380 555 0833"),
    ("dpr_p", "dpr", "Ms", "Wahyuni Kusumastuti", F, "Member of Commission IX", "wahyuni.kusumastuti@dpr.go.id",
     "+62 21 5550 5715"),
    # Other stakeholders
    ("mc_p", "migrantcare", "Ms", "Nur Aini Harahap", F, "Head of Policy Advocacy", "nuraini@migrantcare.net",
     "+62 21 5550 7451"),
    ("sbmi_p", "sbmi", "Mr", "Joko Purnomo", M, "Secretary-General", "joko.purnomo@sbmi.or.id",
     "+62 812 5550 4410"),
    ("sbmi_p2", "sbmi", "", "Ari Wibisono", NR, "Paralegal, Hong Kong chapter", "ari.wibisono@sbmi.or.id",
     "+852 5550 2781"),
    ("karina_p", "karina", "Ms", "Theresia Manullang", F, "Coordinator, Migration and Anti-Trafficking Desk",
     "theresia.manullang@karina.or.id", "+62 21 5550 2624"),
    ("ksbsi_p", "ksbsi", "Mr", "Bambang Susilo", M, "Head of the Migrant Workers Desk", "bambang.susilo@ksbsi.org",
     "+62 21 5550 8830"),
    ("ugm_p", "ugm", "Dr", "Sri Handayani", F, "Senior Researcher, International Migration",
     "sri.handayani@ugm.ac.id", "+62 274 555 0301"),
    ("kompas_p", "kompas", "", "Alex Santoso", NR, "Investigative journalist", "alex.santoso@kompas.id",
     "+62 21 5550 3347"),
    ("komnas_p", "komnasham", "Dr", "Ratih Anggraeni", F, "Commissioner for Monitoring and Investigation",
     "ratih.anggraeni@komnasham.go.id", "+62 21 5550 2720"),
    ("pmi_p", "pmi", "Mr", "Rudi Hartono", M, "Head of Restoring Family Links", "rudi.hartono@pmi.or.id",
     "+62 21 5550 7993"),
    ("dfat_p", "dfat", "Ms", "Olivia Grant", F, "First Secretary, Governance and Human Development",
     "olivia.grant@dfat.gov.au", "+62 21 5550 5111"),
    ("apjati_p", "apjati", "", "Kurnia Rahayu", NR, "Vice-Chair for Compliance", "kurnia.rahayu@apjati.or.id",
     "+62 21 5550 6190"),
]

# Extra fields: key -> dict of Person attributes.
PEOPLE_EXTRA: dict[str, dict] = {
    "iom_sec": {"alt_email": "unnm-indonesia@iom.int",
                "notes": "Runs the Network secretariat: agendas, minutes, action point follow-up."},
    "unicef_old": {"archived": True,
                   "notes": "Reassigned to another duty station in August 2024; "
                            "replaced as focal point by Ms Nurul Hidayah."},
    "ohchr_fp": {"notes": "Based in Bangkok; joins online."},
    "sbmi_p2": {"notes": "Joins online from Hong Kong."},
    "kompas_p": {"notes": "Press contact; not on the internal distribution lists."},
    "rc": {"alt_email": "rco-indonesia@un.org"},
}

# Focal point and alternate of the Network's member organisations: org key -> (focal point, alternate)
FOCAL_POINTS: dict[str, tuple[str, str | None]] = {
    "rco": ("rco_dco", "rco_data"),
    "iom": ("iom_sec", "iom_lm"),
    "ilo": ("ilo_fp", "ilo_alt"),
    "undp": ("undp_fp", "undp_alt"),
    "unicef": ("unicef_fp", "unicef_alt"),
    "unwomen": ("unw_fp", "unw_alt"),
    "unodc": ("unodc_fp", "unodc_alt"),
    "who": ("who_fp", "who_alt"),
    "unfpa": ("unfpa_fp", "unfpa_alt"),
    "unaids": ("unaids_fp", None),
    "unhcr": ("unhcr_fp", "unhcr_alt"),
    "ohchr": ("ohchr_fp", None),
    "fao": ("fao_fp", "fao_alt"),
    "unesco": ("unesco_fp", None),
    "worldbank": ("wb_fp", None),
}

# The three default distribution lists (seeded by the database) and who is on them.
# The focal point list is the focal points and alternates above (observers excluded).
UNCT_HEADS = [
    "rc", "iom_com", "ilo_head", "undp_head", "unicef_head", "unw_head", "unodc_head", "who_head",
    "unfpa_head", "unaids_head", "unhcr_head", "fao_head", "unesco_head",
]
SDG_WORKING_GROUP = ["rco_data", "rco_dco", "undp_alt", "unfpa_fp", "unicef_alt", "ilo_alt", "iom_sec"]

# --------------------------------------------------------------------------------------------
# Working groups (ToR D.5)
# --------------------------------------------------------------------------------------------
WORKING_GROUPS: list[dict] = [
    {
        "key": "frdw",
        "name": "Working Group on Fair Recruitment and Decent Work",
        "short_name": "WG-FRDW",
        "kind": WorkingGroupKind.PERMANENT,
        "purpose": "Coordinates UN support to the implementation of Law No. 18/2017 and of the zero placement "
                   "cost policy (Perka BP2MI No. 9/2020), ethical recruitment in the main corridors (Malaysia, "
                   "Hong Kong SAR, Taiwan Province of China) and the portability of social security.",
        "objectives": [6, 22],
        "lead": "ilo",
        "co_lead": "iom",
        "established_on": D(2024, 6, 6),
        "members": ["ilo_fp", "ilo_alt", "iom_lm", "unw_fp", "undp_fp", "wb_fp", "sbmi_p", "ksbsi_p", "apjati_p"],
    },
    {
        "key": "tip",
        "name": "Ad-hoc Working Group on Trafficking in Online Scams",
        "short_name": "WG-TIP",
        "kind": WorkingGroupKind.AD_HOC,
        "purpose": "Joint response to the trafficking of Indonesian nationals into online scam operations in "
                   "South-East Asia: screening and referral of returnees, reintegration support, and "
                   "awareness of fake online job offers.",
        "objectives": [9, 10],
        "lead": "unodc",
        "co_lead": "iom",
        "established_on": D(2024, 4, 25),
        "members": ["unodc_fp", "unodc_alt", "iom_ct", "unicef_fp", "unw_alt", "ohchr_fp", "mc_p", "komnas_p"],
    },
]

# --------------------------------------------------------------------------------------------
# Meetings
# participants: (person key, role, invitation, attendance, remote)
# agenda: dicts with title, presenter, minutes, objectives, discussion, decisions, actions
# action: (description, responsible organisation, responsible person, due date, status, completion note)
# --------------------------------------------------------------------------------------------
R_MEM, R_GUEST, R_OBS, R_SEC = (ParticipantRole.MEMBER, ParticipantRole.GUEST_SPEAKER,
                                ParticipantRole.OBSERVER, ParticipantRole.SECRETARIAT)
I_NS, I_SENT, I_ACC, I_DEC = (InvitationStatus.NOT_SENT, InvitationStatus.SENT,
                              InvitationStatus.ACCEPTED, InvitationStatus.DECLINED)
PRESENT, APOLOGIES, ABSENT, UNKNOWN = Attendance.PRESENT, Attendance.APOLOGIES, Attendance.ABSENT, Attendance.UNKNOWN
OPEN, IN_PROGRESS, DONE, DROPPED = ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.DROPPED

UN_HOUSE = "UN Indonesia, Menara Thamrin 7th floor, Jl. M.H. Thamrin Kav. 3, Jakarta (hybrid)"


def present(key: str, role: ParticipantRole = R_MEM, remote: bool = False) -> tuple:
    return (key, role, I_ACC, PRESENT, remote)


def apologies(key: str, role: ParticipantRole = R_MEM) -> tuple:
    return (key, role, I_DEC, APOLOGIES, False)


def absent(key: str, role: ParticipantRole = R_MEM) -> tuple:
    return (key, role, I_SENT, ABSENT, False)


def invited(key: str, role: ParticipantRole = R_MEM, invitation: InvitationStatus = I_SENT) -> tuple:
    return (key, role, invitation, UNKNOWN, False)


MEETINGS: list[dict] = [
    # ---------------------------------------------------------------- 2024-Q1
    {
        "reference": "2024-Q1",
        "title": "First quarterly meeting of the UN Network on Migration in Indonesia",
        "kind": MeetingKind.QUARTERLY,
        "start": (2024, 3, 18, 14, 0), "end": (2024, 3, 18, 16, 0),
        "venue": UN_HOUSE, "online_link": "https://meet.example.org/unnm-indonesia-2024-q1",
        "chair": "rc", "status": MeetingStatus.HELD, "minutes_status": MinutesStatus.APPROVED,
        "approved_on": D(2024, 4, 22),
        "participants": [
            present("rc"), present("iom_com"), present("iom_sec", R_SEC), present("iom_lm", R_SEC),
            present("rco_dco"), present("ilo_fp"), present("ilo_alt", remote=True), present("undp_fp"),
            present("unicef_old"), present("unw_fp"), present("unodc_fp"), present("who_fp", remote=True),
            apologies("unfpa_fp"), present("unfpa_alt"), absent("unaids_fp"), present("unhcr_fp"),
            present("ohchr_fp", remote=True), present("bp2mi_p", R_GUEST), present("kemlu_p2", R_GUEST),
            apologies("kemnaker_p", R_GUEST), apologies("wb_fp", R_OBS),
        ],
        "agenda": [
            {
                "title": "Opening remarks and introduction of members",
                "presenter": "rc", "minutes": 10, "objectives": [23],
                "discussion": "The Resident Coordinator welcomed members to the first meeting of the Network, "
                              "recalled Indonesia's role as a GCM Champion country since December 2020 and asked "
                              "the Network to add value where a common UN approach makes a difference. Each "
                              "agency introduced its focal point.",
                "decisions": "",
            },
            {
                "title": "Adoption of the Terms of Reference and the 2024 meeting calendar",
                "presenter": "iom_sec", "minutes": 20, "objectives": [23],
                "discussion": "The secretariat presented the draft Terms of Reference circulated on 4 March. "
                              "UNHCR asked that the scope note on refugees be kept as drafted. OHCHR proposed "
                              "that the principles refer explicitly to the human rights of all migrants "
                              "regardless of status; agreed.",
                "decisions": "The Terms of Reference were adopted with the OHCHR amendment. The provisional dates "
                             "of Annex 1 were confirmed: 6 June, 5 September and 5 December 2024, 14:00 WIB.",
                "actions": [
                    ("Circulate the adopted Terms of Reference to the UN Country Team and the SDG working group.",
                     "iom", "iom_sec", D(2024, 3, 29), DONE, "Sent on 27 March 2024 with the draft minutes."),
                    ("Confirm each member agency's focal point and alternate in writing to the secretariat.",
                     "iom", "iom_sec", D(2024, 4, 5), DONE, "All but UNAIDS confirmed an alternate."),
                ],
            },
            {
                "title": "Protection of Indonesian migrant workers: Law No. 18/2017 and the zero placement cost "
                         "policy (Perka BP2MI No. 9/2020)",
                "presenter": "bp2mi_p", "minutes": 30, "objectives": [6, 7, 22],
                "discussion": "BP2MI presented the protection system under Law No. 18/2017 and the placement costs "
                              "that Perka BP2MI No. 9/2020 exempts migrant workers from in ten occupations, "
                              "including domestic workers and caregivers. Complaints show that fees are still "
                              "charged through informal brokers (calo) at village level. ILO noted that the "
                              "costs shifted to employers are not yet enforced in Hong Kong SAR and Taiwan "
                              "Province of China. UN Women stressed that women, over half of departures, carry "
                              "most of the debt.",
                "decisions": "The Network will prepare a joint brief on implementation gaps of the zero placement "
                             "cost policy, led by ILO.",
                "actions": [
                    ("Share BP2MI's figures on placement-cost complaints for 2022-2023 with the Network, subject "
                     "to clearance.", "bp2mi", "bp2mi_p", D(2024, 4, 30), DROPPED,
                     "BP2MI could not release the data set; summary figures were presented at 2024-Q2 instead."),
                    ("Prepare a joint UN brief on implementation gaps of Perka BP2MI No. 9/2020.", "ilo", "ilo_fp",
                     D(2024, 9, 30), IN_PROGRESS, "Draft shared with the working group; awaiting Kemnaker views."),
                ],
            },
            {
                "title": "Indonesia's National Action Plan for the implementation of the GCM",
                "presenter": "kemlu_p2", "minutes": 25, "objectives": [1, 23],
                "discussion": "The Ministry of Foreign Affairs presented the National Action Plan developed in "
                              "2022 through a whole-of-government and whole-of-society process, and asked for UN "
                              "support on data (objective 1) and on reporting for the 2026 International "
                              "Migration Review Forum.",
                "decisions": "Members will map their ongoing migration work against the National Action Plan.",
                "actions": [
                    ("Map member agencies' ongoing migration activities against the GCM National Action Plan "
                     "and share the matrix with Kemlu.", "iom", "iom_sec", D(2024, 5, 31), DONE,
                     "Matrix of 41 activities shared with Kemlu on 28 May 2024."),
                ],
            },
            {
                "title": "Towards a 2024 Network work plan from the four UNSDCF results groups",
                "presenter": "iom_lm", "minutes": 20, "objectives": [6, 10, 15, 20],
                "discussion": "The secretariat proposed to build the work plan from the migration-related "
                              "sub-outputs of the four results groups in UN INFO rather than new activities. "
                              "Members agreed to send their sub-outputs by the end of April.",
                "decisions": "Draft 2024 work plan to be tabled for endorsement at 2024-Q2.",
            },
            {
                "title": "Any other business",
                "presenter": "rc", "minutes": 10, "objectives": [10],
                "discussion": "UNODC raised the rising number of Indonesian nationals recruited through online job "
                              "offers into scam operations in the Mekong region and proposed an ad-hoc meeting.",
                "decisions": "An ad-hoc meeting on trafficking into online scam operations will be called in April.",
                "actions": [
                    ("Circulate a concept note for an ad-hoc meeting on trafficking into online scam operations.",
                     "unodc", "unodc_fp", D(2024, 4, 12), DONE, "Concept note circulated on 10 April 2024."),
                ],
            },
        ],
    },
    # ---------------------------------------------------------------- 2024-AH-01
    {
        "reference": "2024-AH-01",
        "title": "Ad-hoc meeting: Indonesian nationals trafficked into online scam operations",
        "kind": MeetingKind.AD_HOC,
        "start": (2024, 4, 25, 10, 0), "end": (2024, 4, 25, 11, 30),
        "venue": "Online", "online_link": "https://meet.example.org/unnm-indonesia-2024-ah-01",
        "chair": "rc", "status": MeetingStatus.HELD, "minutes_status": MinutesStatus.APPROVED,
        "approved_on": D(2024, 5, 6),
        "participants": [
            present("rc", remote=True), present("iom_sec", R_SEC, remote=True), present("iom_ct", remote=True),
            present("unodc_fp", remote=True), present("unodc_alt", remote=True), present("unicef_old", remote=True),
            present("unw_alt", remote=True), present("ohchr_fp", remote=True), apologies("unhcr_fp"),
            present("kemlu_p", R_GUEST, remote=True), present("imigrasi_p", R_GUEST, remote=True),
            present("mc_p", R_OBS, remote=True), absent("komnas_p", R_OBS),
        ],
        "agenda": [
            {
                "title": "Situation update: repatriation of Indonesian nationals from scam compounds",
                "presenter": "kemlu_p", "minutes": 20, "objectives": [10, 14],
                "discussion": "The Ministry of Foreign Affairs reported on the cases handled by its missions in "
                              "Cambodia, Myanmar and the Philippines since 2020 and on the difficulty of telling "
                              "victims of trafficking from those who returned to the compounds knowingly.",
                "decisions": "",
            },
            {
                "title": "Regional trends in trafficking for forced criminality",
                "presenter": "unodc_fp", "minutes": 15, "objectives": [9, 10],
                "discussion": "UNODC presented regional findings: recruitment through social media, transit through "
                              "Bangkok and Kuala Lumpur, and a move of operations to new locations after raids.",
                "decisions": "",
            },
            {
                "title": "Screening, referral and reintegration support for returnees",
                "presenter": "iom_ct", "minutes": 20, "objectives": [10, 12, 21],
                "discussion": "IOM proposed a joint screening checklist for immigration officers at Soekarno-Hatta "
                              "and Batam, and referral to shelters and reintegration services.",
                "decisions": "",
                "actions": [
                    ("Share the joint screening checklist for victims of trafficking for forced criminality with "
                     "Kemlu and the Directorate General of Immigration.", "iom", "iom_ct", D(2024, 5, 15), DONE,
                     "Shared on 14 May 2024; Immigration uses it in its 2024 training."),
                ],
            },
            {
                "title": "Establishing an ad-hoc working group",
                "presenter": "iom_sec", "minutes": 15, "objectives": [10, 23],
                "discussion": "Members agreed that the response needs regular technical coordination beyond the "
                              "quarterly meetings.",
                "decisions": "An ad-hoc Working Group on Trafficking in Online Scams is established, led by UNODC "
                             "with IOM as co-lead.",
                "actions": [
                    ("Convene the first meeting of the ad-hoc working group on trafficking in online scams.",
                     "unodc", "unodc_fp", D(2024, 5, 31), DONE, "Held on 22 May 2024 (WG-TIP-01)."),
                ],
            },
        ],
    },
    # ---------------------------------------------------------------- WG-TIP-01
    {
        "reference": "WG-TIP-01",
        "title": "Ad-hoc Working Group on Trafficking in Online Scams: first meeting",
        "kind": MeetingKind.WORKING_GROUP, "working_group": "tip",
        "start": (2024, 5, 22, 10, 0), "end": (2024, 5, 22, 12, 0),
        "venue": "UNODC Indonesia, Menara Thamrin, Jakarta", "online_link": "",
        "chair": "unodc_fp", "status": MeetingStatus.HELD, "minutes_status": MinutesStatus.APPROVED,
        "approved_on": D(2024, 6, 3),
        "participants": [
            present("unodc_fp"), present("unodc_alt"), present("iom_ct"), present("unicef_old"),
            present("unw_alt"), present("ohchr_fp", remote=True), present("mc_p", R_OBS),
            apologies("komnas_p", R_OBS),
        ],
        "agenda": [
            {
                "title": "Terms of reference and work plan of the working group",
                "presenter": "unodc_fp", "minutes": 45, "objectives": [9, 10],
                "discussion": "Members agreed on three workstreams: awareness of fake online job offers, screening "
                              "and referral, and reintegration of returnees.",
                "decisions": "Terms of reference agreed; the group reports to each quarterly meeting.",
                "actions": [
                    ("Map shelters and reintegration services for returnees in Jakarta, the Riau Islands and "
                     "North Sulawesi.", "iom", "iom_ct", D(2024, 8, 31), DONE,
                     "Service map of 23 providers shared on 30 August 2024."),
                ],
            },
        ],
    },
    # ---------------------------------------------------------------- 2024-Q2
    {
        "reference": "2024-Q2",
        "title": "Second quarterly meeting of the UN Network on Migration in Indonesia",
        "kind": MeetingKind.QUARTERLY,
        "start": (2024, 6, 6, 14, 0), "end": (2024, 6, 6, 16, 0),
        "venue": UN_HOUSE, "online_link": "https://meet.example.org/unnm-indonesia-2024-q2",
        "chair": "rc", "status": MeetingStatus.HELD, "minutes_status": MinutesStatus.CIRCULATED,
        "participants": [
            present("rc"), present("iom_sec", R_SEC), present("iom_lm", R_SEC), present("rco_dco"),
            present("ilo_fp"), present("undp_fp", remote=True), present("unicef_old"), present("unw_fp"),
            present("unodc_fp"), present("who_fp"), present("unfpa_fp"), present("unaids_fp", remote=True),
            apologies("unhcr_fp"), present("ohchr_fp", remote=True), present("fao_fp"),
            present("kemnaker_p", R_GUEST), present("bp2mi_p2", R_GUEST), present("wb_fp", R_OBS, remote=True),
        ],
        "agenda": [
            {
                "title": "Opening and follow-up on the 2024-Q1 action points",
                "presenter": "rc", "minutes": 10, "objectives": [23],
                "discussion": "The secretariat reported five of six action points from 2024-Q1 as done or under way.",
                "decisions": "",
            },
            {
                "title": "Gender-responsive migrant worker resource centres in the LTSAs",
                "presenter": "unw_fp", "minutes": 25, "objectives": [3, 6, 7],
                "discussion": "UN Women and ILO presented the resource centres in the One Roof Integrated Services "
                              "offices (LTSA) of Kupang, Cirebon and Tulungagung: 3,800 prospective migrant "
                              "workers counselled in 2023, 61% women.",
                "decisions": "",
                "actions": [
                    ("Share the service standards of the LTSA migrant worker resource centres with members.",
                     "unwomen", "unw_fp", D(2024, 7, 31), OPEN, ""),
                ],
            },
            {
                "title": "Placement and protection: update from the Ministry of Manpower and BP2MI",
                "presenter": "kemnaker_p", "minutes": 25, "objectives": [6, 18],
                "discussion": "The Ministry of Manpower presented the revised competency standards for "
                              "caregivers; BP2MI gave summary figures on placement-cost complaints: 1,240 cases "
                              "in 2023, most from West Java and West Nusa Tenggara.",
                "decisions": "",
            },
            {
                "title": "Access to TB and HIV services for migrant workers and their families",
                "presenter": "who_fp", "minutes": 20, "objectives": [15],
                "discussion": "WHO and UNAIDS described the loss to follow-up of migrant workers diagnosed with TB "
                              "abroad and deported before treatment ends.",
                "decisions": "",
                "actions": [
                    ("Draft a referral pathway for TB and HIV screening of returning migrant workers in East Nusa "
                     "Tenggara with the provincial health office.", "who", "who_fp", D(2024, 11, 30),
                     IN_PROGRESS, ""),
                ],
            },
            {
                "title": "Endorsement of the 2024 Network work plan",
                "presenter": "iom_sec", "minutes": 25, "objectives": [23],
                "discussion": "The draft joint work plan with ten activities across the four results groups was "
                              "presented; FAO asked to join the climate mobility activity.",
                "decisions": "The 2024 work plan is endorsed. A permanent Working Group on Fair Recruitment and "
                             "Decent Work is established, led by ILO with IOM as co-lead.",
                "actions": [
                    ("Enter the endorsed 2024 work plan in UN INFO under the four results groups.", "iom",
                     "iom_sec", D(2024, 7, 15), DONE, "Entered on 11 July 2024."),
                    ("Circulate draft terms of reference of the Working Group on Fair Recruitment and Decent Work.",
                     "ilo", "ilo_fp", D(2024, 6, 28), DONE, ""),
                ],
            },
            {
                "title": "Any other business",
                "presenter": "rc", "minutes": 10, "objectives": [],
                "discussion": "The World Bank offered to present its remittance price survey at a later meeting.",
                "decisions": "",
            },
        ],
    },
    # ---------------------------------------------------------------- WG-FRDW-01
    {
        "reference": "WG-FRDW-01",
        "title": "Working Group on Fair Recruitment and Decent Work: first meeting",
        "kind": MeetingKind.WORKING_GROUP, "working_group": "frdw",
        "start": (2024, 7, 10, 10, 0), "end": (2024, 7, 10, 12, 0),
        "venue": "ILO Jakarta Office, Menara Thamrin 22nd floor", "online_link": "",
        "chair": "ilo_fp", "status": MeetingStatus.HELD, "minutes_status": MinutesStatus.APPROVED,
        "approved_on": D(2024, 7, 24),
        "participants": [
            present("ilo_fp"), present("ilo_alt"), present("iom_lm"), present("unw_fp"),
            apologies("undp_fp"), present("sbmi_p", R_OBS), present("ksbsi_p", R_OBS),
            present("apjati_p", R_OBS), present("sbmi_p2", R_OBS, remote=True),
        ],
        "agenda": [
            {
                "title": "Recruitment fees in the Taiwan and Hong Kong corridors: evidence and next steps",
                "presenter": "ilo_alt", "minutes": 60, "objectives": [6, 22],
                "discussion": "SBMI presented 52 case files of fees charged despite the zero placement cost policy. "
                              "APJATI asked for a clearer list of the costs employers must bear.",
                "decisions": "The working group will draft a plain-language leaflet on who pays which placement "
                             "cost.",
                "actions": [
                    ("Draft a plain-language leaflet on placement costs under Perka BP2MI No. 9/2020, in Bahasa "
                     "Indonesia, with SBMI and APJATI.", "ilo", "ilo_alt", D(2026, 12, 15), IN_PROGRESS,
                     "Second draft with BP2MI for review."),
                ],
            },
        ],
    },
    # ---------------------------------------------------------------- 2024-Q3
    {
        "reference": "2024-Q3",
        "title": "Third quarterly meeting of the UN Network on Migration in Indonesia",
        "kind": MeetingKind.QUARTERLY,
        "start": (2024, 9, 5, 14, 0), "end": (2024, 9, 5, 16, 0),
        "venue": UN_HOUSE, "online_link": "https://meet.example.org/unnm-indonesia-2024-q3",
        "chair": "rc", "status": MeetingStatus.HELD, "minutes_status": MinutesStatus.DRAFT,
        "participants": [
            present("rc"), present("iom_sec", R_SEC), present("iom_com"), present("rco_data"),
            present("ilo_alt"), present("undp_fp"), present("unicef_fp"), apologies("unw_fp"), present("unw_alt"),
            present("unodc_alt", remote=True), absent("who_fp"), present("unfpa_fp"), present("unaids_fp"),
            present("unhcr_alt"), present("fao_fp"), present("unesco_fp"),
            present("kemenpppa_p", R_GUEST), present("ugm_p", R_GUEST, remote=True), present("wb_fp", R_OBS),
        ],
        "agenda": [
            {
                "title": "Opening and comments on the 2024-Q2 minutes",
                "presenter": "rc", "minutes": 10, "objectives": [],
                "discussion": "",
                "decisions": "Comments on the circulated 2024-Q2 minutes to reach the secretariat by 20 September.",
            },
            {
                "title": "Climate mobility in coastal communities: first findings",
                "presenter": "ugm_p", "minutes": 25, "objectives": [1, 2],
                "discussion": "PSKK UGM presented household survey findings from Demak (Central Java) and North "
                              "Jakarta: tidal flooding is a main reason given by 38% of households with a member "
                              "working abroad.",
                "decisions": "",
            },
            {
                "title": "Remittances and financial inclusion of migrant workers' households",
                "presenter": "undp_fp", "minutes": 20, "objectives": [19, 20],
                "discussion": "UNDP presented the design of a remittance cost survey and a pilot of digital savings "
                              "products with two regional development banks.",
                "decisions": "",
                "actions": [
                    ("Share the remittance cost survey questionnaire with members for comments.", "undp", "undp_fp",
                     D(2024, 10, 15), DONE, ""),
                ],
            },
            {
                "title": "Children left behind by migrant parents",
                "presenter": "kemenpppa_p", "minutes": 25, "objectives": [7, 16],
                "discussion": "KemenPPPA and UNICEF presented community-based child protection (PATBM) in migrant "
                              "sending villages and the gaps in care arrangements when both parents migrate.",
                "decisions": "",
                "actions": [
                    ("Compile the community-based child protection models for children left behind for the "
                     "Annual Network Meeting.", "unicef", "unicef_fp", D(2024, 11, 15), DONE, ""),
                ],
            },
            {
                "title": "Preparation of the Annual Network Meeting 2024",
                "presenter": "iom_sec", "minutes": 15, "objectives": [23],
                "discussion": "The Annual Network Meeting is proposed for 28 November with government, civil "
                              "society, migrant organisations, academia and development partners.",
                "decisions": "Annual Network Meeting on 28 November 2024 at Menara Thamrin.",
                "actions": [
                    ("Circulate the draft 2024-Q3 minutes for comments.", "iom", "iom_sec", D(2024, 9, 19),
                     OPEN, ""),
                ],
            },
            {
                "title": "Any other business",
                "presenter": "rc", "minutes": 10, "objectives": [],
                "discussion": "UNESCO was welcomed as a new member.",
                "decisions": "",
            },
        ],
    },
    # ---------------------------------------------------------------- 2024-ANM
    {
        "reference": "2024-ANM",
        "title": "Annual Network Meeting 2024",
        "kind": MeetingKind.ANNUAL,
        "start": (2024, 11, 28, 9, 0), "end": (2024, 11, 28, 15, 30),
        "venue": "Auditorium, Menara Thamrin, Jl. M.H. Thamrin Kav. 3, Jakarta",
        "online_link": "https://meet.example.org/unnm-indonesia-2024-anm",
        "chair": "rc", "status": MeetingStatus.HELD, "minutes_status": MinutesStatus.APPROVED,
        "approved_on": D(2024, 12, 16), "confidentiality": Confidentiality.PUBLIC,
        "participants": [
            present("rc"), present("iom_com"), present("iom_sec", R_SEC), present("iom_lm", R_SEC),
            present("iom_ct"), present("rco_dco"), present("ilo_head"), present("ilo_fp"), present("undp_fp"),
            present("unicef_fp"), present("unw_head"), present("unw_fp"), present("unodc_fp"), present("who_fp"),
            present("unfpa_fp"), present("unaids_fp"), present("unhcr_fp"), present("ohchr_fp", remote=True),
            present("fao_fp"), present("unesco_fp"), apologies("undp_head"),
            present("kemlu_p", R_GUEST), present("bp2mi_p", R_GUEST), present("kemnaker_p", R_GUEST),
            present("bappenas_p", R_GUEST), present("kemenpppa_p", R_GUEST), apologies("imigrasi_p", R_GUEST),
            present("ntt_p", R_GUEST, remote=True), absent("dpr_p", R_OBS),
            present("mc_p", R_OBS), present("sbmi_p", R_GUEST), present("sbmi_p2", R_OBS, remote=True),
            present("karina_p", R_OBS), present("ksbsi_p", R_OBS), present("ugm_p", R_OBS),
            present("kompas_p", R_OBS), present("komnas_p", R_OBS), present("pmi_p", R_OBS),
            present("dfat_p", R_OBS), present("apjati_p", R_OBS), present("wb_fp", R_OBS),
        ],
        "agenda": [
            {
                "title": "Opening remarks by the UN Resident Coordinator",
                "presenter": "rc", "minutes": 15, "objectives": [23],
                "discussion": "The Resident Coordinator thanked government and non-government partners for joining "
                              "the Network's first annual meeting.",
                "decisions": "",
            },
            {
                "title": "The Network's first year: progress against the 2024 work plan",
                "presenter": "iom_sec", "minutes": 40, "objectives": [1, 6, 10, 15],
                "discussion": "The secretariat presented progress on the ten activities: two completed, four on "
                              "track, two delayed, one not started for lack of funding and one cancelled; USD 2.1 "
                              "million of the USD 3.3 million required was available.",
                "decisions": "",
                "actions": [
                    ("Draft the Network's 2024 annual report to the Resident Coordinator and the UN Country Team.",
                     "iom", "iom_sec", D(2025, 1, 31), DONE, "Submitted to the RCO on 30 January 2025."),
                ],
            },
            {
                "title": "Panel: migrant workers' voices on fair recruitment and zero placement cost",
                "presenter": "sbmi_p", "minutes": 60, "objectives": [6, 7, 22],
                "discussion": "SBMI, KSBSI and Migrant CARE described debts of IDR 20-45 million still incurred "
                              "by workers going to Taiwan; APJATI called for enforcement against unlicensed "
                              "agents rather than licensed companies.",
                "decisions": "",
                "actions": [
                    ("Explore a standing consultation mechanism with migrant and diaspora organisations.", "iom",
                     "iom_lm", D(2025, 6, 30), IN_PROGRESS, ""),
                ],
            },
            {
                "title": "Emerging challenges: trafficking into online scam operations and climate mobility",
                "presenter": "unodc_fp", "minutes": 45, "objectives": [2, 10],
                "discussion": "UNODC and IOM presented the joint response of the ad-hoc working group; FAO and "
                              "PSKK UGM presented first evidence on climate-related migration.",
                "decisions": "",
            },
            {
                "title": "Towards Indonesia's review for the International Migration Review Forum 2026",
                "presenter": "kemlu_p", "minutes": 40, "objectives": [23],
                "discussion": "The Ministry of Foreign Affairs invited the Network to contribute to the national "
                              "voluntary GCM review.",
                "decisions": "The Network will prepare a joint UN input to the voluntary GCM review.",
                "actions": [
                    ("Prepare a joint UN input to Indonesia's voluntary GCM review for the 2026 International "
                     "Migration Review Forum.", "iom", "iom_sec", D(2025, 11, 30), DONE, "Sent to Kemlu on "
                     "21 November 2025."),
                ],
            },
            {
                "title": "Priorities for 2025 and closing",
                "presenter": "rc", "minutes": 30, "objectives": [23],
                "discussion": "Participants proposed social protection portability and reintegration as 2025 "
                              "priorities.",
                "decisions": "The 2025 work plan will add an activity on portability of social security.",
            },
        ],
    },
    # ---------------------------------------------------------------- 2024-Q4
    {
        "reference": "2024-Q4",
        "title": "Fourth quarterly meeting of the UN Network on Migration in Indonesia",
        "kind": MeetingKind.QUARTERLY,
        "start": (2024, 12, 5, 14, 0), "end": (2024, 12, 5, 16, 0),
        "venue": UN_HOUSE, "online_link": "https://meet.example.org/unnm-indonesia-2024-q4",
        "chair": "rc", "status": MeetingStatus.PLANNED, "minutes_status": MinutesStatus.NOT_STARTED,
        "participants": [
            invited("rc", invitation=I_ACC), invited("iom_sec", R_SEC, I_ACC), invited("rco_dco"),
            invited("ilo_fp", invitation=I_ACC), invited("undp_fp"), invited("unicef_fp", invitation=I_ACC),
            invited("unw_fp"), invited("unodc_fp"), invited("who_fp", invitation=I_DEC), invited("unfpa_fp"),
            invited("unaids_fp"), invited("unhcr_fp"), invited("ohchr_fp"), invited("fao_fp"),
            invited("unesco_fp"), invited("bappenas_p", R_GUEST, I_ACC),
        ],
        "agenda": [
            {"title": "Opening and adoption of the agenda", "presenter": "rc", "minutes": 10, "objectives": []},
            {"title": "Follow-up on the Annual Network Meeting", "presenter": "iom_sec", "minutes": 20,
             "objectives": [23]},
            {"title": "Migration in the RPJMN 2025-2029", "presenter": "bappenas_p", "minutes": 30,
             "objectives": [1, 23]},
            {"title": "Draft 2025 Network work plan", "presenter": "iom_sec", "minutes": 40,
             "objectives": [6, 10, 15, 20, 22]},
            {"title": "Any other business", "presenter": "rc", "minutes": 10, "objectives": []},
        ],
    },
    # ---------------------------------------------------------------- 2026-Q3
    {
        "reference": "2026-Q3",
        "title": "Third quarterly meeting 2026 of the UN Network on Migration in Indonesia",
        "kind": MeetingKind.QUARTERLY,
        "start": (2026, 9, 3, 14, 0), "end": (2026, 9, 3, 16, 0),
        "venue": UN_HOUSE, "online_link": "https://meet.example.org/unnm-indonesia-2026-q3",
        "chair": "rc", "status": MeetingStatus.HELD, "minutes_status": MinutesStatus.DRAFT,
        "participants": [
            present("rc"), present("iom_sec", R_SEC), present("rco_data"), present("ilo_fp"), present("undp_alt"),
            present("unicef_fp"), present("unw_fp"), present("unodc_fp", remote=True), present("who_fp"),
            apologies("unfpa_fp"), present("unaids_fp"), present("unhcr_fp"), absent("ohchr_fp"),
            present("fao_alt"), present("unesco_fp"), present("kemlu_p2", R_GUEST),
        ],
        "agenda": [
            {
                "title": "The 2026 work plan under the new Cooperation Framework 2026-2030",
                "presenter": "iom_sec", "minutes": 45, "objectives": [23],
                "discussion": "The 2026 work plan stays in draft until the results groups of the UNSDCF 2026-2030 "
                              "are set up in UN INFO.",
                "decisions": "Members send final comments on the draft 2026 work plan before 2026-Q4.",
                "actions": [
                    ("Send final comments on the draft 2026 work plan to the secretariat.", "iom", "iom_sec",
                     D(2026, 12, 1), OPEN, ""),
                    ("Propose migration indicators for the UNSDCF 2026-2030 results framework.", "rco",
                     "rco_data", D(2026, 12, 15), IN_PROGRESS, ""),
                ],
            },
            {
                "title": "Follow-up to the International Migration Review Forum 2026",
                "presenter": "kemlu_p2", "minutes": 40, "objectives": [1, 23],
                "discussion": "The Ministry of Foreign Affairs presented the pledges Indonesia made at the IMRF.",
                "decisions": "",
                "actions": [
                    ("Circulate the matrix of Indonesia's IMRF pledges with the UN agencies supporting each.",
                     "kemlu", "kemlu_p2", D(2026, 10, 31), OPEN, ""),
                    ("Share the 2026 climate mobility study with Bappenas and the Network.", "iom", "iom_lm",
                     D(2026, 11, 20), OPEN, ""),
                ],
            },
            {
                "title": "Any other business",
                "presenter": "rc", "minutes": 15, "objectives": [],
                "discussion": "Several focal points have changed with the summer rotations.",
                "decisions": "",
                "actions": [
                    ("Update the list of focal points and alternates after the agency rotations.", "iom",
                     "iom_sec", D(2026, 10, 15), IN_PROGRESS, ""),
                    ("Confirm the 2027 quarterly meeting dates with the RCO calendar.", "rco", "rco_dco",
                     D(2026, 9, 30), DONE, "Dates confirmed on 24 September 2026."),
                ],
            },
        ],
    },
    # ---------------------------------------------------------------- 2026-Q4
    {
        "reference": "2026-Q4",
        "title": "Fourth quarterly meeting 2026 of the UN Network on Migration in Indonesia",
        "kind": MeetingKind.QUARTERLY,
        "start": (2026, 12, 3, 14, 0), "end": (2026, 12, 3, 16, 0),
        "venue": UN_HOUSE, "online_link": "https://meet.example.org/unnm-indonesia-2026-q4",
        "chair": "rc", "status": MeetingStatus.PLANNED, "minutes_status": MinutesStatus.NOT_STARTED,
        "participants": [
            invited("rc", invitation=I_ACC), invited("iom_sec", R_SEC, I_ACC), invited("rco_data", invitation=I_ACC),
            invited("ilo_fp", invitation=I_ACC), invited("undp_fp"), invited("unicef_fp"), invited("unw_fp"),
            invited("unodc_fp", invitation=I_ACC), invited("who_fp"), invited("unfpa_fp", invitation=I_DEC),
            invited("unaids_fp"), invited("unhcr_fp"), invited("ohchr_fp"), invited("fao_fp"),
            invited("unesco_fp"), invited("bp2mi_p", R_GUEST, I_ACC),
        ],
        "agenda": [
            {"title": "Opening and adoption of the agenda", "presenter": "rc", "minutes": 10, "objectives": []},
            {"title": "Endorsement of the 2026 work plan", "presenter": "iom_sec", "minutes": 40,
             "objectives": [23]},
            {"title": "Protection of migrant workers under the Ministry of Protection of Indonesian Migrant "
                      "Workers (KP2MI)", "presenter": "bp2mi_p", "minutes": 30, "objectives": [6, 7]},
            {"title": "Reports of the working groups", "presenter": "ilo_fp", "minutes": 25,
             "objectives": [6, 10]},
            {"title": "Any other business", "presenter": "rc", "minutes": 15, "objectives": []},
        ],
    },
    # ---------------------------------------------------------------- 2027-Q1
    {
        "reference": "2027-Q1",
        "title": "First quarterly meeting 2027 of the UN Network on Migration in Indonesia",
        "kind": MeetingKind.QUARTERLY,
        "start": (2027, 3, 11, 14, 0), "end": (2027, 3, 11, 16, 0),
        "venue": UN_HOUSE, "online_link": "",
        "chair": "rc", "status": MeetingStatus.PLANNED, "minutes_status": MinutesStatus.NOT_STARTED,
        "participants": [],
        "agenda": [
            {"title": "Opening and adoption of the agenda", "presenter": "rc", "minutes": 10, "objectives": []},
            {"title": "Annual report 2026 of the Network", "presenter": "iom_sec", "minutes": 30,
             "objectives": [23]},
        ],
    },
]

# --------------------------------------------------------------------------------------------
# Work plans and activities
# --------------------------------------------------------------------------------------------
WORK_PLANS: list[dict] = [
    {
        "year": 2024,
        "title": "UN Network on Migration in Indonesia: Joint Work Plan 2024",
        "status": WorkPlanStatus.ENDORSED,
        "endorsed_on": D(2024, 6, 6),
        "activities": [
            {
                "code": "RG1.1", "rg": 1,
                "title": "Access to TB and HIV services for migrant workers and their families",
                "description": "Screening and referral of returning migrant workers for TB and HIV, and "
                               "continuity of treatment for those deported before treatment ends.",
                "objectives": [7, 15], "lead": "who", "participating": ["unaids", "iom"],
                "partners": ["ntt", "pmi"],
                "location": "East Nusa Tenggara; West Nusa Tenggara; Riau Islands",
                "start": D(2024, 4, 1), "end": D(2024, 12, 31), "status": ActivityStatus.ON_TRACK,
                "gender": 1, "gender_note": "Sex-disaggregated screening data are collected but services are not "
                                            "designed around women migrants' needs.",
                "hr": 2, "hr_note": "Access to health care regardless of migration status is an explicit aim.",
                "required": USD("420000.00"), "available": USD("260000.00"), "spent": USD("171500.00"),
                "indicator": "Number of returning migrant workers screened for TB at the points of entry",
                "baseline": "0 (no systematic screening in 2023)", "target": "5,000 screened in 2024",
                "progress": 60, "progress_note": "3,120 screened by October; referral pathway with the "
                                                 "provincial health office still in draft.",
            },
            {
                "code": "RG1.2", "rg": 1,
                "title": "Care and protection of children left behind by migrant parents",
                "description": "Community-based child protection in migrant sending villages, with guidance for "
                               "care arrangements before parents depart.",
                "objectives": [7, 16], "lead": "unicef", "participating": ["unfpa", "unwomen", "iom"],
                "partners": ["kemenpppa", "karina"],
                "location": "East Java; Central Java; West Nusa Tenggara",
                "start": D(2024, 3, 1), "end": D(2024, 12, 31), "status": ActivityStatus.DELAYED,
                "gender": 2, "gender_note": "Targets the care burden that falls on grandmothers and girls when "
                                            "mothers migrate.",
                "hr": 3, "hr_note": "Built on children's rights to care and protection under the CRC.",
                "required": USD("310000.00"), "available": USD("120000.00"), "spent": USD("64250.00"),
                "indicator": "Villages with an active community-based child protection group (PATBM) covering "
                             "children of migrant workers",
                "baseline": "12 villages", "target": "40 villages", "progress": 35,
                "progress_note": "Delayed by the regional elections; 19 villages so far.",
            },
            {
                "code": "RG1.3", "rg": 1,
                "title": "Gender-responsive services in the LTSA migrant worker resource centres",
                "description": "Counselling, information on safe migration and referral of survivors of violence in "
                               "the One Roof Integrated Services offices.",
                "objectives": [3, 6, 7], "lead": "unwomen", "participating": ["ilo", "iom"],
                "partners": ["bp2mi", "ntt"],
                "location": "East Nusa Tenggara (Kupang); West Java (Cirebon); East Java (Tulungagung)",
                "start": D(2024, 1, 15), "end": D(2024, 10, 31), "status": ActivityStatus.COMPLETED,
                "gender": 3, "gender_note": "Gender equality is the principal objective of the activity.",
                "hr": 2, "hr_note": "Counselling covers migrant workers' rights at every stage of migration.",
                "required": USD("275000.00"), "available": USD("275000.00"), "spent": USD("268940.50"),
                "indicator": "Prospective migrant workers counselled at the resource centres",
                "baseline": "3,800 in 2023 (61% women)", "target": "5,000 in 2024", "progress": 100,
                "progress_note": "5,412 counselled (63% women); handed over to the provincial offices.",
            },
            {
                "code": "RG2.1", "rg": 2,
                "title": "Fair recruitment: implementing the zero placement cost policy (Perka BP2MI No. 9/2020)",
                "description": "Monitoring of fees charged to migrant workers, complaint mechanisms and dialogue "
                               "with placement companies and employers in the main corridors.",
                "objectives": [6, 22], "lead": "ilo", "participating": ["iom", "unwomen"],
                "partners": ["bp2mi", "kemnaker", "sbmi", "apjati"],
                "location": "West Java; Central Java; East Java; West Nusa Tenggara",
                "start": D(2024, 2, 1), "end": D(2024, 12, 31), "status": ActivityStatus.ON_TRACK,
                "gender": 2, "gender_note": "Domestic work and caregiving, where women are most, are the "
                                            "priority occupations.",
                "hr": 3, "hr_note": "Applies ILO standards on fair recruitment and the right to free placement.",
                "required": USD("650000.00"), "available": USD("480000.00"), "spent": USD("355200.00"),
                "indicator": "Share of surveyed migrant workers who paid placement fees in exempted occupations",
                "baseline": "71% (2022 survey)", "target": "50% by end of 2025", "progress": 70,
                "progress_note": "Survey of 1,100 returnees under way; complaint desk opened in three LTSAs.",
            },
            {
                "code": "RG2.2", "rg": 2,
                "title": "Remittances and financial inclusion of migrant workers' households",
                "description": "A remittance cost survey and digital savings products with regional development "
                               "banks for migrant households.",
                "objectives": [19, 20], "lead": "undp", "participating": ["iom", "unwomen"],
                "partners": ["worldbank"],
                "location": "West Nusa Tenggara; East Nusa Tenggara",
                "start": D(2024, 5, 1), "end": D(2025, 6, 30), "status": ActivityStatus.ON_TRACK,
                "gender": 2, "gender_note": "Savings products are designed with women who manage remittances at "
                                            "home.",
                "hr": 1, "hr_note": "Financial inclusion supports economic rights but is not framed in human rights "
                                    "terms.",
                "required": USD("380000.00"), "available": USD("300000.00"), "spent": USD("96000.00"),
                "indicator": "Average cost of sending USD 200 from Malaysia to Indonesia",
                "baseline": "4.9% (2023)", "target": "3% (SDG 10.c)", "progress": 40,
                "progress_note": "Survey questionnaire agreed; pilot with two regional banks signed.",
            },
            {
                "code": "RG2.3", "rg": 2,
                "title": "Recognition of skills of returning migrant workers",
                "description": "Recognition of prior learning for returning caregivers and construction workers.",
                "objectives": [18, 21], "lead": "ilo", "participating": ["unesco"],
                "partners": ["kemnaker"],
                "location": "Central Java; East Java",
                "start": D(2024, 9, 1), "end": D(2025, 8, 31), "status": ActivityStatus.NOT_STARTED,
                "gender": 1, "gender_note": "Caregiving is included, but gender barriers are not analysed.",
                "hr": 1, "hr_note": "Linked to the right to work; no specific rights analysis.",
                "required": USD("150000.00"), "available": USD("0.00"), "spent": USD("0.00"),
                "indicator": "Returning migrant workers with recognised competences",
                "baseline": "0", "target": "600", "progress": 0,
                "progress_note": "Not funded in 2024; carried over to the 2025 work plan.",
            },
            {
                "code": "RG3.1", "rg": 3,
                "title": "Evidence on climate mobility in coastal communities",
                "description": "Household survey and policy dialogue on migration as an adaptation strategy where "
                               "tidal flooding and land subsidence destroy livelihoods.",
                "objectives": [1, 2], "lead": "iom", "participating": ["fao", "undp"],
                "partners": ["ugm", "bappenas"],
                "location": "Central Java (Demak); DKI Jakarta (North Jakarta); North Maluku",
                "start": D(2024, 3, 1), "end": D(2024, 12, 31), "status": ActivityStatus.COMPLETED,
                "gender": 2, "gender_note": "Data are disaggregated by sex and analyse women left in flooded "
                                            "villages.",
                "hr": 1, "hr_note": "Considers the right to adequate housing in planned relocation.",
                "required": USD("210000.00"), "available": USD("210000.00"), "spent": USD("204300.00"),
                "indicator": "Policy brief on climate mobility presented to Bappenas",
                "baseline": "No national evidence base", "target": "One survey report and one policy brief",
                "progress": 100, "progress_note": "Report launched at the Annual Network Meeting 2024.",
            },
            {
                "code": "RG3.2", "rg": 3,
                "title": "Anticipatory action for disaster displacement in flood-prone districts",
                "description": "Early warning messages and cash transfers ahead of seasonal floods.",
                "objectives": [2, 7], "lead": "fao", "participating": ["iom", "who"],
                "partners": ["pmi"],
                "location": "South Kalimantan; Central Java",
                "start": D(2024, 7, 1), "end": D(2024, 12, 31), "status": ActivityStatus.CANCELLED,
                "gender": 0, "gender_note": "Not assessed before cancellation.",
                "hr": 0, "hr_note": "Not assessed before cancellation.",
                "required": USD("180000.00"), "available": USD("0.00"), "spent": USD("0.00"),
                "indicator": "Districts with an anticipatory action protocol", "baseline": "0", "target": "2",
                "progress": 0, "progress_note": "Cancelled: merged into the Red Cross anticipatory action "
                                                "programme outside the Network.",
            },
            {
                "code": "RG4.1", "rg": 4,
                "title": "Disaggregated data on migration for evidence-based policy",
                "description": "Migration questions in the national labour force survey and a migration profile "
                               "of Indonesia.",
                "objectives": [1], "lead": "unfpa", "participating": ["iom", "ilo"],
                "partners": ["bps", "bappenas"],
                "location": "National",
                "start": D(2024, 1, 1), "end": D(2024, 12, 31), "status": ActivityStatus.ON_TRACK,
                "gender": 2, "gender_note": "All tables are disaggregated by sex and age.",
                "hr": 1, "hr_note": "Data protection standards follow the national statistics law.",
                "required": USD("240000.00"), "available": USD("190000.00"), "spent": USD("112800.00"),
                "indicator": "Migration module in the labour force survey (SAKERNAS)",
                "baseline": "No migration module", "target": "Module fielded in August 2024", "progress": 75,
                "progress_note": "Module fielded; migration profile in drafting.",
            },
            {
                "code": "RG4.2", "rg": 4,
                "title": "Countering trafficking in online scam operations: digital awareness and referral",
                "description": "Awareness of fake online job offers on social media and a referral protocol for "
                               "returnees from scam compounds.",
                "objectives": [3, 9, 10], "lead": "unodc", "participating": ["iom", "unicef", "ohchr"],
                "partners": ["kemlu", "imigrasi", "migrantcare", "komnasham"],
                "location": "National; North Sulawesi; Riau Islands",
                "start": D(2024, 5, 1), "end": D(2025, 4, 30), "status": ActivityStatus.DELAYED,
                "gender": 1, "gender_note": "Most identified victims are young men; women's risks are noted but "
                                            "not addressed.",
                "hr": 3, "hr_note": "Victims are treated as rights holders under the non-punishment principle.",
                "required": USD("520000.00"), "available": USD("270000.00"), "spent": USD("118400.00"),
                "indicator": "Returnees from scam operations screened and referred to services",
                "baseline": "No agreed screening tool", "target": "Referral protocol adopted; 400 returnees "
                                                                  "screened",
                "progress": 30, "progress_note": "Checklist in use by Immigration; protocol awaiting a decree.",
            },
        ],
    },
    {
        "year": 2025,
        "title": "UN Network on Migration in Indonesia: Joint Work Plan 2025",
        "status": WorkPlanStatus.ENDORSED,
        "endorsed_on": D(2025, 3, 20),
        "activities": [
            {
                "code": "RG1.1", "rg": 1,
                "title": "Continuity of TB treatment for deported migrant workers",
                "objectives": [15], "lead": "who", "participating": ["iom", "unaids"], "partners": ["ntt"],
                "location": "East Nusa Tenggara; Riau Islands",
                "start": D(2025, 1, 1), "end": D(2025, 12, 31), "status": ActivityStatus.COMPLETED,
                "gender": 1, "gender_note": "Data disaggregated by sex.", "hr": 2,
                "hr_note": "Access to health care regardless of status.",
                "required": USD("300000.00"), "available": USD("280000.00"), "spent": USD("279100.00"),
                "indicator": "Deported migrant workers on TB treatment who completed it",
                "baseline": "41%", "target": "70%", "progress": 100, "progress_note": "Reached 73%.",
            },
            {
                "code": "RG2.1", "rg": 2,
                "title": "Portability of social security for Indonesian migrant workers (BPJS Ketenagakerjaan)",
                "objectives": [22], "lead": "ilo", "participating": ["worldbank", "iom"],
                "partners": ["kemnaker", "bp2mi"],
                "location": "National",
                "start": D(2025, 2, 1), "end": D(2025, 12, 31), "status": ActivityStatus.DELAYED,
                "gender": 1, "gender_note": "Women in domestic work are counted.", "hr": 2,
                "hr_note": "Right to social security (ICESCR article 9).",
                "required": USD("400000.00"), "available": USD("220000.00"), "spent": USD("150000.00"),
                "indicator": "Migrant workers enrolled in the migrant worker social security scheme",
                "baseline": "58% of departures", "target": "80% of departures", "progress": 55,
                "progress_note": "Regulation on benefits abroad still under discussion.",
            },
            {
                "code": "RG2.2", "rg": 2,
                "title": "Recognition of skills of returning migrant workers",
                "objectives": [18, 21], "lead": "ilo", "participating": ["unesco"], "partners": ["kemnaker"],
                "location": "Central Java; East Java",
                "start": D(2025, 3, 1), "end": D(2025, 12, 31), "status": ActivityStatus.COMPLETED,
                "gender": 2, "gender_note": "Caregivers, mostly women, are the first cohort.", "hr": 1,
                "hr_note": "Linked to the right to work.",
                "required": USD("150000.00"), "available": USD("150000.00"), "spent": USD("146750.00"),
                "indicator": "Returning migrant workers with recognised competences", "baseline": "0",
                "target": "600", "progress": 100, "progress_note": "640 certified.",
            },
            {
                "code": "RG4.1", "rg": 4,
                "title": "Referral protocol for returnees from online scam operations",
                "objectives": [10], "lead": "unodc", "participating": ["iom", "ohchr"],
                "partners": ["imigrasi", "kemlu"],
                "location": "National", "start": D(2025, 1, 1), "end": D(2025, 12, 31),
                "status": ActivityStatus.COMPLETED, "gender": 1, "gender_note": "Sex-disaggregated case data.",
                "hr": 3, "hr_note": "Non-punishment principle applied.",
                "required": USD("260000.00"), "available": USD("240000.00"), "spent": USD("236000.00"),
                "indicator": "Referral protocol adopted", "baseline": "Draft", "target": "Adopted by decree",
                "progress": 100, "progress_note": "Adopted in September 2025.",
            },
        ],
    },
    {
        "year": 2026,
        "title": "UN Network on Migration in Indonesia: Joint Work Plan 2026 (draft)",
        "status": WorkPlanStatus.DRAFT,
        "endorsed_on": None,
        "activities": [
            {
                "code": "RG1.1", "rg": 1,
                "title": "National health insurance (JKN) coverage for returning migrant workers",
                "objectives": [15, 22], "lead": "who", "participating": ["iom", "unaids"], "partners": [],
                "location": "East Nusa Tenggara; West Nusa Tenggara",
                "start": D(2026, 4, 1), "end": D(2026, 12, 31), "status": ActivityStatus.NOT_STARTED,
                "gender": 1, "gender_note": "To be refined with UN Women.", "hr": 2,
                "hr_note": "Right to health.", "required": USD("350000.00"), "available": USD("90000.00"),
                "spent": USD("0.00"), "indicator": "Returnees enrolled in JKN within three months of return",
                "baseline": "To be established", "target": "60%", "progress": 0, "progress_note": "",
            },
            {
                "code": "RG2.1", "rg": 2,
                "title": "Ethical recruitment in the Malaysia corridor for plantation and domestic workers",
                "objectives": [5, 6], "lead": "ilo", "participating": ["iom", "unwomen"],
                "partners": ["kemnaker", "bp2mi", "apjati"],
                "location": "North Kalimantan; Riau Islands; West Nusa Tenggara",
                "start": D(2026, 3, 1), "end": D(2026, 12, 31), "status": ActivityStatus.ON_TRACK,
                "gender": 2, "gender_note": "Domestic workers in Malaysia are almost all women.", "hr": 3,
                "hr_note": "Applies the ILO Domestic Workers Convention (No. 189).",
                "required": USD("480000.00"), "available": USD("310000.00"), "spent": USD("122000.00"),
                "indicator": "Placement companies certified against the fair recruitment code",
                "baseline": "0", "target": "25", "progress": 35, "progress_note": "Certification code agreed.",
            },
            {
                "code": "RG3.1", "rg": 3,
                "title": "Guidance on planned relocation for coastal communities",
                "objectives": [2], "lead": "iom", "participating": ["fao", "undp"], "partners": ["bappenas", "ugm"],
                "location": "Central Java (Demak); North Jakarta",
                "start": D(2026, 5, 1), "end": D(2027, 4, 30), "status": ActivityStatus.NOT_STARTED,
                "gender": 2, "gender_note": "Consultations held separately with women.", "hr": 2,
                "hr_note": "Right to adequate housing and participation.",
                "required": USD("200000.00"), "available": USD("0.00"), "spent": USD("0.00"),
                "indicator": "National guidance on planned relocation", "baseline": "None",
                "target": "Guidance adopted by Bappenas", "progress": 0, "progress_note": "",
            },
        ],
    },
]

# --------------------------------------------------------------------------------------------
# The library of regulations and policies (ToR B.3): real instruments, titles and dates as issued.
# Presidential Regulation No. 125/2016 on the Handling of Refugees from Abroad is left out on
# purpose: refugees fall outside the Network's Terms of Reference.
# tags: any of "human_rights_based", "age_appropriate", "gender_responsive"
# --------------------------------------------------------------------------------------------
GOI_LAW = "President of the Republic of Indonesia, with the approval of the House of Representatives (DPR)"

POLICIES: list[dict] = [
    {
        "key": "law18",
        "number": "Law No. 18/2017",
        "title": "Protection of Indonesian Migrant Workers",
        "type": PolicyType.LAW, "authority": GOI_LAW, "issued_on": D(2017, 11, 22),
        "status": PolicyStatus.IN_FORCE, "language": "Bahasa Indonesia",
        "tags": ["human_rights_based", "gender_responsive"],
        "objectives": [3, 6, 7, 21, 22],
        "summary": "Replaced Law No. 39/2004 and puts protection before placement: protection before, during "
                   "and after work abroad; duties shared by the central government, provinces, districts and "
                   "villages; One Roof Integrated Services (LTSA) offices for prospective migrant workers; "
                   "social security through the national social security system; and migrant workers may not "
                   "be charged placement costs (article 30).",
        "url": "",
    },
    {
        "key": "perban9",
        "number": "BP2MI Regulation No. 9/2020",
        "title": "Exemption of Placement Costs for Indonesian Migrant Workers",
        "type": PolicyType.AGENCY_REGULATION,
        "authority": "Indonesian Migrant Workers Protection Agency (BP2MI)", "issued_on": D(2020, 6, 15),
        "status": PolicyStatus.AMENDED, "language": "Bahasa Indonesia",
        "tags": ["human_rights_based"],
        "objectives": [6],
        "summary": "Implements article 30 of Law No. 18/2017 (the zero placement cost policy): tickets, work "
                   "visa, training, competency certificate, the placement company's fee, passport, police "
                   "certificate, social security and medical checks are not charged to migrant workers in ten "
                   "occupations, among them domestic workers, caregivers of babies, children and the elderly, "
                   "cooks, family drivers, plantation workers and migrant fishers. The transition period was "
                   "extended to 15 July 2021 by BP2MI Regulation No. 1/2021.",
        "url": "",
    },
    {
        "key": "pp59",
        "number": "Government Regulation No. 59/2021",
        "title": "Implementation of the Protection of Indonesian Migrant Workers",
        "type": PolicyType.GOVERNMENT_REGULATION,
        "authority": "President of the Republic of Indonesia", "issued_on": D(2021, 4, 6),
        "status": PolicyStatus.IN_FORCE, "language": "Bahasa Indonesia",
        "tags": ["human_rights_based"],
        "objectives": [3, 6, 7, 21],
        "summary": "Implementing regulation of Law No. 18/2017 in seven chapters: protection before, during and "
                   "after work abroad; the One Roof Integrated Services (LTSA) offices for placement and "
                   "protection; the tasks of the central and regional governments; the duties of placement "
                   "companies; guidance and supervision.",
        "url": "",
    },
    {
        "key": "law21",
        "number": "Law No. 21/2007",
        "title": "Eradication of the Crime of Trafficking in Persons",
        "type": PolicyType.LAW, "authority": GOI_LAW, "issued_on": D(2007, 4, 19),
        "status": PolicyStatus.IN_FORCE, "language": "Bahasa Indonesia",
        "tags": ["human_rights_based", "age_appropriate", "gender_responsive"],
        "objectives": [7, 10],
        "summary": "Defines and criminalises trafficking in persons, including recruitment and transport for "
                   "exploitation, with heavier penalties when the victim is a child; makes corporations "
                   "liable; gives victims the right to restitution and to health and social rehabilitation, "
                   "repatriation and reintegration; and provides for a task force to prevent and handle "
                   "trafficking.",
        "url": "",
    },
    {
        "key": "law6",
        "number": "Law No. 6/2011",
        "title": "Immigration",
        "type": PolicyType.LAW, "authority": GOI_LAW, "issued_on": D(2011, 5, 5),
        "status": PolicyStatus.AMENDED, "language": "Bahasa Indonesia",
        "tags": [],
        "objectives": [4, 9, 11, 13],
        "summary": "Governs entry to and exit from Indonesia, travel documents, visas and stay permits, "
                   "immigration supervision, immigration detention houses and administrative measures; makes "
                   "people smuggling a crime (article 120); administrative measures are not applied to "
                   "victims of trafficking and of people smuggling. Amended since by the job creation "
                   "legislation.",
        "url": "",
    },
    {
        "key": "law39",
        "number": "Law No. 39/2004",
        "title": "Placement and Protection of Indonesian Workers Abroad",
        "type": PolicyType.LAW, "authority": GOI_LAW, "issued_on": D(2004, 10, 18),
        "status": PolicyStatus.REVOKED, "language": "Bahasa Indonesia",
        "tags": [],
        "objectives": [6],
        "summary": "The former framework for sending Indonesian workers abroad, centred on placement; revoked "
                   "and replaced by Law No. 18/2017.",
        "url": "",
    },
    {
        "key": "gcm",
        "number": "A/RES/73/195",
        "title": "Global Compact for Safe, Orderly and Regular Migration",
        "type": PolicyType.INTERNATIONAL_INSTRUMENT,
        "authority": "United Nations General Assembly", "issued_on": D(2018, 12, 19),
        "status": PolicyStatus.IN_FORCE, "language": "English",
        "tags": ["human_rights_based", "age_appropriate", "gender_responsive"],
        "objectives": list(range(1, 24)),
        "summary": "Adopted in Marrakech on 10 December 2018 and endorsed by the General Assembly on 19 December "
                   "2018, with Indonesia among the Member States endorsing it. A non-legally binding "
                   "cooperative framework of 23 objectives, built on guiding principles that include human "
                   "rights and being people-centred, gender-responsive and child-sensitive. Indonesia has been "
                   "a GCM Champion country since December 2020.",
        "url": "https://undocs.org/A/RES/73/195",
    },
    {
        "key": "c189",
        "number": "ILO Convention No. 189",
        "title": "Domestic Workers Convention, 2011",
        "type": PolicyType.INTERNATIONAL_INSTRUMENT,
        "authority": "International Labour Conference (ILO), 100th session", "issued_on": D(2011, 6, 16),
        "status": PolicyStatus.IN_FORCE, "language": "English",
        "tags": ["human_rights_based", "age_appropriate", "gender_responsive"],
        "objectives": [6, 7],
        "summary": "In force since 5 September 2013. Decent work for domestic workers: terms of employment in "
                   "writing, weekly rest of at least 24 consecutive hours, minimum wage coverage, protection "
                   "from abuse, a minimum age, and fees of private employment agencies not deducted from pay. "
                   "Indonesia has not ratified it; the Network refers to it for Indonesian domestic workers in "
                   "countries of destination.",
        "url": "",
    },
]

# Policy updates presented under agenda items: (meeting reference, agenda position, [policy keys]).
POLICY_PRESENTATIONS: list[tuple[str, int, list[str]]] = [
    ("2024-Q1", 3, ["law18", "perban9"]),
    ("2024-Q1", 4, ["gcm"]),
    ("2024-Q2", 3, ["pp59", "law18"]),
]
