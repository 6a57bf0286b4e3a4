"""Regenerates gold.json from the hand annotations below and checks every string against the corpus.

Run: python newsgraph/sample/build_gold.py   (writes newsgraph/sample/gold.json; fails on any string not found verbatim)
"""
# ---- docs.py
import html as H, json, re, os
S = os.path.dirname(os.path.abspath(__file__))

def strip_html(s):
    s = re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", " ", s)
    s = re.sub(r"<[^>]+>", " ", s)
    return H.unescape(s)

def load():
    """key -> (raw, searchable text)"""
    out = {}
    for f in sorted(os.listdir(S)):
        p = os.path.join(S, f)
        if f.endswith(".txt"):
            t = open(p, encoding="utf-8").read(); out[(f, "")] = (t, t)
        elif f.endswith(".html"):
            t = open(p, encoding="utf-8").read(); out[(f, "")] = (t, strip_html(t))
        elif f.endswith(".jsonl"):
            for i, line in enumerate(open(p, encoding="utf-8"), 1):
                r = json.loads(line)
                if "text" in r:
                    out[(f, f"line {i}")] = (r["text"], r["text"])
                else:
                    out[(f, f"line {i}")] = (r["html"], strip_html(r["html"]))
    return out
# ---- build_docs.py
D = load()
F1="01_ledger_tikrit_checkpoint.txt"; F2="02_frontline_tikrit_checkpoint.txt"; F3="03_monitor_death_toll.txt"
F4="04_euphrates_hamrin_operation.html"; F5="05_esb_albukamal_strike.txt"; F6="06_wcd_albukamal_strike.html"
F7="07_tiss_who_are_the_guardians.txt"; F8="08_observer_baiji_abductions.txt"; F9="09_dispatch_tikrit_protest.txt"
F10="10_courier_k1_rockets.txt"; F11="11_watchpost_baiji_handover.html"; J="articles.jsonl"

def norm(s): return " ".join(s.split())

# For txt files: meta (neither kept nor removed: headline, byline, date line, section label) and body paragraph prefixes.
TXT = {
 F1: dict(meta=["IRAQ","Islamic State attack on militia checkpoint near Tikrit kills 7","By Rami Touma, Associated Levant Press","March 10, 2024","Updated 2:14 p.m."]),
 F2: dict(meta=["Seven militia fighters killed as IS gunmen storm checkpoint south of Tikrit","Published: Sun 10 Mar 2024","Associated Levant Press"]),
 F3: dict(meta=["Security","Militia alliance says 11 fighters died in Albu Jassim raid, vows revenge","11/03/2024"]),
 F5: dict(meta=["Drone strike kills Iraqi militia commander on Albu Kamal road","Posted 2024-03-13T16:05:00Z by ESB newsroom"]),
 F7: dict(meta=["COMMENTARY","Who are the Guardians of Mesopotamia?","Leila Haddad, Research Fellow","Reading time: 6 minutes","Leila Haddad is a research fellow at TISS, where she works on armed groups in northern and western Iraq."]),
 F8: dict(meta=["Families of six shepherds abducted near Baiji demand answers","Published: Thu 14 Mar 2024","By Hana Yousif"]),
 F9: dict(meta=["Iraq","Hundreds rally in Tikrit for six shepherds missing since March 6","Friday, March 16, 2024","by Marwan Aziz"]),
 F10: dict(meta=["Rockets land near K1 base in Kirkuk, two soldiers wounded","Last updated: 17.03.2024 09:12"]),
}
DATELINES = {F1: "TIKRIT, Iraq (ALP) —", F10: "KIRKUK, Iraq (ALP) —", (J,"line 3"): "NAJAF, Iraq --"}

def txt_split(f):
    raw = D[(f,"")][0]
    meta = set(TXT[f]["meta"])
    lines = [l for l in raw.splitlines() if l.strip()]
    for m in meta: assert m in lines, (f, m)
    # body paragraphs: long prose lines (>= 60 chars, not meta) that are not boilerplate by listing below
    return lines, meta

# Explicit body paragraph start lines for txt (index ranges decided by hand: first body line .. last body line)
BODY_RANGE = {
 F1: ("TIKRIT, Iraq (ALP)", "The GMA brings together three factions"),
 F2: ("Seven fighters from an Iran-aligned", "The Islamic State group claimed the attack"),
 F3: ("Eleven fighters were killed", "Salahuddin has seen a string"),
 F5: ("A drone strike early on Wednesday", "The killing is the second strike"),
 F7: ("Few of Iraq's armed groups", "Third, succession."),
 F8: ("Families of six shepherds who were", "Human rights groups say"),
 F9: ("Hundreds of people gathered", "The Guardians of Mesopotamia Alliance has been under"),
 F10: ("KIRKUK, Iraq (ALP)", "Local officials said fighters"),
}
# lines inside the body range that are nevertheless boilerplate (captions)
INSIDE_BOILER = {F2: ["Photo: Iraqi soldiers at a checkpoint on the Baghdad-Tikrit highway (file picture) / ALP"],
                 F3: ["Photo: Mourners carry coffins draped in flags during a funeral procession in Samarra on Monday. / Monitor staff"]}

def first_words(p, n=8, dateline=None):
    if dateline and p.startswith(dateline):
        p = p[len(dateline):].lstrip()
    return " ".join(p.split()[:n])

def txt_doc(f):
    raw = D[(f,"")][0]
    lines = [l for l in raw.splitlines() if l.strip()]
    meta = TXT[f]["meta"]
    a, b = BODY_RANGE[f]
    ia = next(i for i,l in enumerate(lines) if l.startswith(a))
    ib = next(i for i,l in enumerate(lines) if l.startswith(b))
    inside = INSIDE_BOILER.get(f, [])
    body = [l for l in lines[ia:ib+1] if l not in inside]
    boiler = [l for i,l in enumerate(lines) if (i < ia or i > ib or l in inside) and l not in meta]
    keep = [first_words(l, dateline=DATELINES.get(f)) for l in body]
    return boiler, keep

# HTML and JSONL: explicit lists (text after entity decoding, whitespace-normalised)
HTML_BOILER = {
 F4: ["We use cookies to improve your experience. Learn more", "Accept all", "Syria", "Gulf", "Analysis", "Podcasts", "Subscribe",
      "A convoy of alliance fighters heads toward the Hamrin mountains. Photo: Karim Abbas / Euphrates Review",
      "Share", "Facebook", "Email", "The Euphrates Weekly",
      "Our best reporting from Iraq and Syria, every Friday. Subscribe to our newsletter.", "Sign up", "Top stories",
      "Basra prepares cooling centres ahead of summer", "Bread prices rise again in Aleppo", "Kuwait names new cabinet",
      "About us | Contact us | Careers | Privacy", "Follow us on Facebook , X and YouTube", "© 2024 Euphrates Review. All rights reserved."],
 F6: ["Log in Become a member", "World Conflict Desk", "Home", "Africa", "Middle East", "Europe", "Asia", "Data", "Home › Middle East › Syria",
      "Share on Facebook", "Share on X", "Share on LinkedIn", "More from Middle East",
      "New cranes arrive at Yemen's Hodeidah port", "Egypt steps up gas imports as summer nears", "Lebanon sets date for municipal elections",
      "World Conflict Desk is a reader-funded newsroom. Support our work .", "Contact us · Corrections · Terms", "© 2024 World Conflict Desk"],
 F11: ["Middle East Watchpost", "News", "Iraq", "Iran", "Syria", "In depth", "About", "Unlimited access for $1 for your first month. Subscribe today",
       "Army and militia commanders meet in Tikrit. Photo: Salahuddin Operations Command / handout",
       "Tags: Iraq Militias Salahuddin", "Tweet Share Email", "You may also like",
       "Tehran opens new metro line to the airport", "Damascus drivers queue for fuel again", "Inside the Gulf's solar boom",
       "Middle East Watchpost · 14 Fleet Lane, London · news@mewatchpost.example",
       "Contact us | Privacy policy | Follow us on X and Telegram", "© 2024 Middle East Watchpost"],
 (J,"line 2"): ["Gulf Affairs Online", "Iraq", "Iran", "Saudi Arabia", "Newsletter", "Most read", "Riyadh unveils Expo 2030 site plans",
       "Iran's rial hits new low against the dollar", "© 2024 Gulf Affairs Online. Contact us: editors@gulfaffairs.example"],
}
def html_paras(key, cls=None):
    raw = D[key][0]
    if cls:
        m = re.search(r'class="%s">(.*?)</div>' % cls, raw, re.S); raw = m.group(1)
    ps = re.findall(r"<p(?: [^>]*)?>(.*?)</p>", raw, re.S)
    return [norm(strip_html(p)) for p in ps]
# ---- ann.py

L1=(J,"line 1"); L2=(J,"line 2"); L3=(J,"line 3")
def K(f): return f if isinstance(f, tuple) else (f, "")

# ---------------- entities ----------------
E = []
def ent(id, name, type, subtype, aliases, note=None):
    d = dict(id=id, name=name, type=type, subtype=subtype, aliases=aliases)
    if note: d["note"] = note
    E.append(d)

# people
ent("saadi","Abu Turab al-Saadi","PERSON","militia_leader",
    ["Abu Turab al-Saadi","Kadhim Jabbar al-Saadi","Abu Torab el-Saadi","Kazem Jabbar al-Sa'adi","Abu Turab al-Sa'idi","Abu Turab","al-Saadi","Saadi"],
    "nom de guerre Abu Turab; real name Kadhim/Kazem Jabbar al-Saadi")
ent("kaabi","Abu Haidar al-Kaabi","PERSON","militia_commander",["Abu Haidar al-Kaabi","Abu Haider el-Kaabi","Abu Haydar al-Ka'bi"])
ent("mustafa_kaabi","Mustafa al-Kaabi","PERSON","fighter",["Mustafa al-Kaabi"],"killed at Albu Jassim; brother of Abu Haidar al-Kaabi")
ent("rubaie","Muhannad al-Rubaie","PERSON","militia_leader",["Sheikh Muhannad al-Rubaie","Muhannad al-Rubaie","Sheikh Mohannad al-Rubaiy","Rubaie"])
ent("salman","Haidar Salman","PERSON","militia_commander",["Haidar Salman","Haider Salman","Salman"],
    "shares the given name Haidar/Haider with Col. Haidar al-Jubouri; 'Haidar' alone in the Najaf funeral quote refers to him")
ent("lami","Abu Zainab al-Lami","PERSON","militia_commander",["Abu Zainab al-Lami","Lami"])
ent("jubouri","Haider Abdul-Karim al-Jubouri","PERSON","military_officer",
    ["Col. Haider Abdul-Karim al-Jubouri","Col. Haidar al-Jubouri","Haidar al-Jubouri","Jubouri","the colonel"])
ent("tamimi","Ali Hussein al-Tamimi","PERSON","spokesperson",["Ali Hussein al-Tamimi","Ali al-Tamimi","Ali Hussain al-Tamimi","al-Tamimi"])
ent("ghurairi","Nabil al-Ghurairi","PERSON","spokesperson",
    ["Maj. Gen. Nabil al-Ghurairi","Maj Gen Nabil al-Ghurairi","Nabil al-Ghurairi","Maj. Gen. Nabeel al-Ghrairi","Nabeel al-Ghrairi","al-Ghurairi"])
ent("sheibani","Kamran Sheibani","PERSON","military_officer",["Brig. Gen. Kamran Sheibani","Kamran Sheibani","Brig. Gen. Kamran Shaybani","Kamran Shaybani","Sheibani"])
ent("haddad","Layla Haddad","PERSON","researcher",["Layla Haddad","Leila Haddad","Haddad"])
ent("obeidi","Khalaf al-Obeidi","PERSON","tribal_leader",["Sheikh Khalaf al-Obeidi","Khalaf al-Obeidi","Sheikh Khalaf el-Obaidi","Khalaf el-Obaidi","Obeidi","Obaidi"])
ent("musawi","Jawad al-Musawi","PERSON","cleric",["Ayatollah Jawad al-Musawi","Jawad al-Musawi","Ayatollah Jawad al-Moussawi","Jawad al-Moussawi"])
ent("hamdani","Ammar Youssef al-Hamdani","PERSON","military_officer",["Lt. Gen. Ammar Youssef al-Hamdani","Ammar Youssef al-Hamdani","Hamdani"])
ent("dulaimi","Omar Faisal al-Dulaimi","PERSON","official",["Omar Faisal al-Dulaimi","Dulaimi"],"shares the given name Omar with Omar al-Hassan")
ent("ahmed_khalil","Ahmed Khalil","PERSON","civilian",["Ahmed Khalil"])
ent("jabbar_hussein","Jabbar Hussein","PERSON","civilian",["Jabbar Hussein"])
ent("omar_hassan","Omar al-Hassan","PERSON","activist",["Omar al-Hassan"])
ent("saif_hamid","Saif Hamid","PERSON","civilian",["Saif Hamid"])
ent("umm_khaled","Umm Khaled","PERSON","civilian",["Umm Khaled"],"mother of Khaled")
ent("khaled","Khaled","PERSON","civilian",["Khaled"],"one of the six abducted shepherds, son of Umm Khaled")
for pid, nm, note in [("touma","Rami Touma","ALP reporter (byline)"),("saleh","Nour Saleh","Euphrates Review reporter (byline)"),
                       ("okafor","Daniel Okafor","World Conflict Desk reporter (byline)"),("yousif","Hana Yousif","Northern Iraq Observer reporter (byline)"),
                       ("aziz","Marwan Aziz","Levant Dispatch reporter (byline)"),("lindqvist","Sara Lindqvist","Middle East Watchpost reporter (byline)"),
                       ("abbas","Karim Abbas","photographer, only in a photo credit (boilerplate)"),("darwish","Sami Darwish","photographer, only in a photo credit (boilerplate)")]:
    ent(pid, nm, "PERSON", "journalist", [nm], note)

# organisations
ent("gma","Guardians of Mesopotamia Alliance","ORG","armed_group_coalition",
    ["Guardians of Mesopotamia Alliance","GMA","Tahaluf Hurras al-Rafidain","al-Hurras","the Guardians","Guardians of Mesopotamia","the alliance"],
    "umbrella coalition of LFS, KNM and Saraya al-Thabat; 'the alliance' is the usual anaphor")
ent("lfs","Liwa al-Fajr al-Sadiq","ORG","armed_group",["Liwa al-Fajr al-Sadiq","True Dawn Brigade","the brigade"])
ent("knm","Kataib al-Nasr al-Mubin","ORG","armed_group",["Kataib al-Nasr al-Mubin","Battalions of Manifest Victory","KNM"])
ent("sat","Saraya al-Thabat","ORG","armed_group",["Saraya al-Thabat","Steadfastness Companies"])
ent("fursan","Fursan al-Hawija","ORG","armed_group",["Fursan al-Hawija","Knights of Hawija"],"Sunni tribal force")
ent("is","Islamic State","ORG","armed_group",["Islamic State","Islamic State group","IS","Daesh"])
ent("pmf","Popular Mobilization Forces","ORG","state_armed_force",["Popular Mobilization Forces","Popular Mobilisation Forces","al-Hashd al-Shaabi","Hashd"])
ent("mod","Ministry of Defence (Iraq)","ORG","government_ministry",["Ministry of Defense","Ministry of Defence","Defence Ministry","the ministry"])
ent("army","Iraqi army","ORG","military",["Iraqi army","the army","army"])
ent("soc","Salahuddin Operations Command","ORG","military_command",["Salahuddin Operations Command"])
ent("koc","Kirkuk Operations Command","ORG","military_command",["Kirkuk Operations Command"])
ent("irgc","Islamic Revolutionary Guard Corps","ORG","military",["Islamic Revolutionary Guard Corps","IRGC","Revolutionary Guards","Iran's Revolutionary Guards"])
ent("quds","Quds Force","ORG","military",["Quds Force"])
ent("us_coalition","US-led coalition","ORG","military_coalition",["US-led coalition"])
ent("peshmerga","Peshmerga","ORG","military",["Kurdish Peshmerga forces"])
ent("tiss","Tigris Institute for Strategic Studies","ORG","think_tank",["Tigris Institute for Strategic Studies","TISS"])
ent("alp","Associated Levant Press","ORG","news_agency",["Associated Levant Press","ALP"])
for oid, nm, al in [("ledger","The Baghdad Ledger",["The Baghdad Ledger","Ledger"]),("frontline","Frontline Gazette",["Frontline Gazette","FRONTLINE GAZETTE"]),
                    ("monitor","Iraq Daily Monitor",["Iraq Daily Monitor","IRAQ DAILY MONITOR"]),("euphrates","Euphrates Review",["Euphrates Review"]),
                    ("esb","Eastern Syria Bulletin",["Eastern Syria Bulletin","ESB"]),("wcd","World Conflict Desk",["World Conflict Desk"]),
                    ("observer","Northern Iraq Observer",["Northern Iraq Observer","NORTHERN IRAQ OBSERVER"]),("dispatch","The Levant Dispatch",["The Levant Dispatch","THE LEVANT DISPATCH"]),
                    ("courier","Kirkuk Courier",["Kirkuk Courier"]),("watchpost","Middle East Watchpost",["Middle East Watchpost"]),
                    ("salpost","Salahuddin Post",["Salahuddin Post"]),("gao","Gulf Affairs Online",["Gulf Affairs Online"])]:
    ent(oid, nm, "ORG", "news_outlet", al)

# locations
for lid, nm, st, al in [
 ("iraq","Iraq","country",["Iraq"]),("syria","Syria","country",["Syria"]),("iran","Iran","country",["Iran","Tehran"]),("israel","Israel","country",["Israel"]),
 ("baghdad","Baghdad","city",["Baghdad"]),("tikrit","Tikrit","city",["Tikrit"]),("samarra","Samarra","city",["Samarra"]),("baiji","Baiji","city",["Baiji"]),
 ("kirkuk","Kirkuk","city",["Kirkuk"]),("hawija","Hawija","town",["Hawija"]),("tuz","Tuz Khurmatu","town",["Tuz Khurmatu"]),
 ("erbil","Erbil","city",["Erbil"]),("najaf","Najaf","city",["Najaf"]),("hilla","Hilla","city",["Hilla"]),
 ("albukamal","Albu Kamal","town",["Albu Kamal"]),("mayadin","al-Mayadin","town",["al-Mayadin"]),
 ("salahuddin","Salahuddin Province","province",["Salahuddin","Salahuddin province"]),("diyala","Diyala Province","province",["Diyala"]),
 ("kirkuk_prov","Kirkuk Province","province",["Kirkuk province"]),("anbar","Anbar Province","province",["Anbar"]),
 ("deirezzor","Deir ez-Zor Province","province",["Deir ez-Zor province","Deir ez-Zor"]),("basra","Basra","province",["Basra"]),("maysan","Maysan Province","province",["Maysan","Maysan province"]),
 ("albujassim","Albu Jassim","village",["Albu Jassim"]),("albughanim","Albu Ghanim","village",["Albu Ghanim"]),("mutaibijah","Mutaibijah","village",["Mutaibijah"]),
 ("hri","al-Hri","village",["al-Hri"]),("tarjil","Tarjil","village",["Tarjil"]),("zab","al-Zab","town",["al-Zab"]),
 ("hamrin","Hamrin mountains","mountain_range",["Hamrin mountains","Hamrin"]),("tigris","Tigris","river",["Tigris"]),("euphrates_r","Euphrates","river",["Euphrates"]),
 ("k1","K1 base","military_base",["K1 military base","K1 base","K1"]),("wadi_salam","Wadi al-Salam cemetery","cemetery",["Wadi al-Salam cemetery"])]:
    ent(lid, nm, "LOC", st, al)

# A bare name that, inside one phrase, names another entity than its usual owner: "Kirkuk" in
# "Salahuddin, Kirkuk and Diyala provinces" is the province, not the city.
def in_context(eid, key, text, alias):
    assert norm(text) in norm(D[K(key)][1]) and alias in text, (key, text)
    e = next(x for x in E if x["id"] == eid)
    e.setdefault("in_context", []).append(dict(file=K(key)[0], locator=K(key)[1], text=text, alias=alias))

in_context("kirkuk_prov", F1, "Salahuddin, Kirkuk and Diyala provinces", "Kirkuk")
in_context("kirkuk_prov", F4, "Diyala, Salahuddin and Kirkuk provinces", "Kirkuk")
# ---- rels.py

def find_sentence(key, start, end):
    t = D[K(key)][1]
    t = " ".join(t.split()) if K(key)[0].endswith(".html") or K(key)[1]=="line 2" else t
    assert t.count(start) == 1, (key, start, t.count(start))
    i = t.index(start); j = t.index(end, i) + len(end)
    s = t[i:j]
    assert "\n" not in s, (key, start)
    return s

R = {}
def rel(s, p, o, key, start, end, polarity="asserted", cue=None):
    assert p in {"leads","member_of","part_of","spokesperson_for","advisor_to","backed_by","reports_to","allied_with","fights","family","based_in","holds_office"}, p
    ids = {e["id"] for e in E}
    assert s in ids, s
    assert o in ids or p == "holds_office", o
    k = (s, p, o)
    if k not in R: R[k] = dict(subject=s, predicate=p, object=o, evidence=[])
    ev = dict(file=K(key)[0], locator=K(key)[1], sentence=find_sentence(key, start, end), polarity=polarity)
    if cue: ev["cue"] = cue
    R[k]["evidence"].append(ev)

# ---- 01 / 02 (wire copies)
for f in (F1, F2):
    rel("lfs","member_of","gma", f, "The brigade belongs to", "Forces.", cue="belongs to")
    rel("gma","part_of","pmf", f, "The brigade belongs to", "Forces.", cue="nominally part of")
    rel("ghurairi","spokesperson_for","mod", f, "Maj Gen Nabil al-Ghurairi, a spokesman" if f==F2 else "Maj. Gen. Nabil al-Ghurairi, a spokesman", "guard tower.", cue="a spokesman for")
    rel("tamimi","spokesperson_for","gma", f, "Ali Hussein al-Tamimi, a spokesman for the GMA", "Tikrit and Samarra." if f==F1 else "unanswered.", cue="a spokesman for")
    rel("is","fights","lfs", f, "The attack targeted a post run by Liwa", "Tikrit, the capital of Salahuddin province.", cue="attack targeted a post run by")
rel("is","fights","lfs", F1, "TIKRIT, Iraq (ALP) —", "said Sunday.", cue="stormed a checkpoint held by an Iran-aligned militia")
rel("is","fights","lfs", F2, "Seven fighters from an Iran-aligned militia", "defence officials said.", cue="gunmen overran their checkpoint")
rel("lfs","allied_with","iran", F2, "Seven fighters from an Iran-aligned militia", "defence officials said.", cue="Iran-aligned (the militia is LFS, named in the next sentence)")
for x in ("lfs","knm","sat"):
    rel(x,"member_of","gma", F1, "The GMA brings together three factions", "Saraya al-Thabat.", cue="brings together")
rel("saadi","leads","gma", F1, "It is led by Kadhim Jabbar al-Saadi", "Abu Turab al-Saadi.", cue="It is led by")
rel("gma","backed_by","irgc", F1, "U.S. officials say the coalition is trained", "a charge the alliance rejects.", polarity="hedged", cue="U.S. officials say ... trained and armed by ..., a charge the alliance rejects")
rel("lfs","allied_with","iran", F1, "TIKRIT, Iraq (ALP) —", "said Sunday.", cue="Iran-aligned (the militia is LFS, named in the next sentence)")
# ---- 03
rel("mustafa_kaabi","family","kaabi", F3, "Among them was Mustafa al-Kaabi", "brigade.", cue="the younger brother of")
rel("kaabi","leads","lfs", F3, "Among them was Mustafa al-Kaabi", "brigade.", cue="commander of")
rel("lfs","member_of","gma", F3, "Among them was Mustafa al-Kaabi", "brigade.", cue="the alliance’s Liwa al-Fajr al-Sadiq brigade")
rel("tamimi","spokesperson_for","gma", F3, "“The ministry counts only", "the alliance spokesman.", cue="the alliance spokesman")
rel("ghurairi","spokesperson_for","mod", F3, "Asked about the gap", "Hashd command.”", cue="the ministry spokesman")
rel("lfs","based_in","baiji", F3, "Liwa al-Fajr al-Sadiq, which is based in Baiji", "officer in Tikrit.", cue="which is based in")
rel("jubouri","member_of","army", F3, "Liwa al-Fajr al-Sadiq, which is based in Baiji", "officer in Tikrit.", cue="an Iraqi army officer")
rel("saadi","leads","gma", F3, "Abu Turab al-Saadi, the alliance’s leader", "GMA official said.", cue="the alliance’s leader")
# ---- 04
rel("gma","fights","is", F4, "Around 2,000 fighters", "south of Tikrit.", cue="pushed into the Hamrin mountains ... after Islamic State militants killed members of the alliance")
rel("saadi","leads","gma", F4, "The alliance’s leader, Abu Torab el-Saadi", "Tuz Khurmatu.", cue="The alliance’s leader")
for x in ("lfs","knm","sat"):
    rel(x,"member_of","gma", F4, "The GMA is a coalition of three factions", "the alliance’s spokesman.", cue="a coalition of three factions")
rel("tamimi","spokesperson_for","gma", F4, "The GMA is a coalition of three factions", "the alliance’s spokesman.", cue="the alliance’s spokesman")
rel("ghurairi","spokesperson_for","mod", F4, "Maj. Gen. Nabeel al-Ghrairi", "intelligence.", cue="the Defence Ministry spokesman")
rel("soc","part_of","army", F4, "Maj. Gen. Nabeel al-Ghrairi", "intelligence.", cue="the army’s Salahuddin Operations Command")
# ---- 05
rel("salman","leads","sat", F5, "The commander, Haider Salman", "coalition of Iraqi militias.", cue="led")
rel("sat","member_of","gma", F5, "The commander, Haider Salman", "coalition of Iraqi militias.", cue="one of three groups that make up")
rel("gma","allied_with","iran", F5, "The commander, Haider Salman", "coalition of Iraqi militias.", cue="an Iran-aligned coalition")
rel("sat","based_in","albukamal", F5, "Saraya al-Thabat has kept several hundred fighters", "edge of the town.", cue="has kept several hundred fighters in ... runs a base")
rel("tamimi","spokesperson_for","gma", F5, "Ali Hussein al-Tamimi, the alliance spokesman", "when he was killed.", cue="the alliance spokesman")
rel("sat","reports_to","musawi", F5, "Saraya al-Thabat is loyal to", "Basra and Maysan.", cue="is loyal to")
rel("musawi","based_in","najaf", F5, "Saraya al-Thabat is loyal to", "Basra and Maysan.", cue="a cleric based in")
# ---- 06
rel("sat","allied_with","iran", F6, "The commander of an Iraqi militia allied with Iran", "in eastern Syria.", cue="allied with")
rel("salman","leads","sat", F6, "Haidar Salman, the commander of Saraya al-Thabat", "Alliance, said.", cue="the commander of")
rel("sat","member_of","gma", F6, "Haidar Salman, the commander of Saraya al-Thabat", "Alliance, said.", cue="the group's parent coalition")
rel("sat","member_of","gma", F6, "Saraya al-Thabat, whose name means", "on behalf of the alliance.", cue="the smallest of the alliance's three factions")
rel("sheibani","member_of","iran", F6, "Iran's Brig. Gen. Kamran Sheibani", "movements said.", cue="Iran's")
rel("sheibani","member_of","quds", F6, "Iran's Brig. Gen. Kamran Sheibani", "movements said.", cue="a Quds Force officer")
rel("sheibani","advisor_to","gma", F6, "Iran's Brig. Gen. Kamran Sheibani", "movements said.", cue="acts as an adviser to")
rel("knm","member_of","gma", F6, "A similar strike on Dec. 4", "outskirts of Albu Kamal.", cue="another faction in the alliance")
rel("gma","part_of","pmf", F6, "The alliance, formally Tahaluf Hurras al-Rafidain", "Popular Mobilisation Forces.", polarity="hedged", cue="drifted away from the mainstream of")
rel("tamimi","spokesperson_for","gma", F6, "Its leaders insist that they take orders", "Revolutionary Guards.", cue="its spokesman")
rel("gma","backed_by","irgc", F6, "Its leaders insist that they take orders", "Revolutionary Guards.", polarity="denied", cue="has repeatedly denied any links to")
rel("haddad","member_of","tiss", F6, "According to Layla Haddad", "not toward leaving it.", cue="a researcher at")
rel("tiss","based_in","erbil", F6, "According to Layla Haddad", "not toward leaving it.", cue="Tigris Institute for Strategic Studies in Erbil")
# ---- 07 (undated commentary)
rel("saadi","leads","gma", F7, "The alliance is led by Kazem Jabbar", "2014 and 2015.", cue="is led by")
rel("tamimi","spokesperson_for","gma", F7, "He rarely gives interviews", "Ali Hussain al-Tamimi.", cue="the alliance's spokesman")
rel("kaabi","leads","lfs", F7, "The largest of the three factions is Liwa", "Abu Haydar al-Ka'bi.", cue="commanded by")
rel("lfs","member_of","gma", F7, "The largest of the three factions is Liwa", "Abu Haydar al-Ka'bi.", cue="the three factions")
rel("lfs","based_in","baiji", F7, "The brigade is based in Baiji", "river valley.", cue="is based in")
rel("rubaie","leads","knm", F7, "The second, Kataib al-Nasr al-Mubin", "a cleric from Hilla.", cue="is led by")
rel("knm","allied_with","irgc", F7, "KNM is a faction with close ties", "foreign troops.", cue="with close ties to")
rel("salman","leads","sat", F7, "The third and smallest, Saraya al-Thabat", "following in the south.", cue="is commanded by")
rel("sat","reports_to","musawi", F7, "The third and smallest, Saraya al-Thabat", "following in the south.", cue="is loyal to")
rel("sat","based_in","albukamal", F7, "Most of its fighters are stationed in Syria", "around Albu Kamal.", cue="stationed in Syria, around")
for x in ("lfs","knm","sat"):
    rel(x,"part_of","pmf", F7, "On paper, all three factions remain part of", "salaries from Baghdad.", cue="remain part of")
rel("gma","backed_by","quds", F7, "In practice, the alliance is trained and armed", "external arm of the IRGC.", cue="trained and armed by")
rel("quds","part_of","irgc", F7, "In practice, the alliance is trained and armed", "external arm of the IRGC.", cue="the external arm of")
rel("sheibani","member_of","quds", F7, "Brig. Gen. Kamran Shaybani, a Quds Force officer", "officials I interviewed.", cue="a Quds Force officer")
rel("sheibani","advisor_to","gma", F7, "Brig. Gen. Kamran Shaybani, a Quds Force officer", "officials I interviewed.", cue="serves as an adviser to")
rel("gma","backed_by","irgc", F7, "The alliance has denied any links to the IRGC.", "The alliance has denied any links to the IRGC.", polarity="denied", cue="has denied any links to")
rel("obeidi","leads","fursan", F7, "In Hawija, southwest of Kirkuk", "Sheikh Khalaf al-Obeidi.", cue="led by")
rel("fursan","fights","gma", F7, "In Hawija, southwest of Kirkuk", "Sheikh Khalaf al-Obeidi.", cue="the alliance faces")
rel("fursan","based_in","hawija", F7, "In Hawija, southwest of Kirkuk", "Sheikh Khalaf al-Obeidi.", cue="In Hawija, ... a well-armed tribal force")
rel("haddad","member_of","tiss", F7, "Leila Haddad is a research fellow at TISS", "western Iraq.", cue="a research fellow at")
# ---- 08
rel("lfs","member_of","gma", F8, "The brigade is part of the Guardians", "south of Tikrit on Saturday.", cue="is part of")
rel("tamimi","spokesperson_for","gma", F8, "Ali al-Tamimi, a spokesman for the alliance", "from the judiciary.\"", cue="a spokesman for")
rel("jubouri","member_of","army", F8, "Col. Haider Abdul-Karim al-Jubouri", "opened an investigation.", cue="who commands an army regiment")
rel("dulaimi","holds_office","deputy governor of Salahuddin", F8, "Salahuddin's deputy governor", "prime minister's office.", cue="Salahuddin's deputy governor")
# ---- 09
rel("lfs","member_of","gma", F9, "Residents blame Liwa al-Fajr al-Sadiq", "around the town.", cue="a militia belonging to")
rel("dulaimi","holds_office","deputy governor of Salahuddin", F9, "Omar Faisal al-Dulaimi, the deputy governor", "address the crowd.", cue="the deputy governor of Salahuddin")
rel("obeidi","leads","fursan", F9, "Sheikh Khalaf el-Obaidi, the leader", "join the protest.", cue="the leader of the tribal force")
# ---- 10
rel("knm","member_of","gma", F10, "Suspicion quickly fell on", "bases in Iraq.", cue="one of the three factions in")
rel("rubaie","leads","knm", F10, "Sheikh Muhannad al-Rubaie, the leader", "were involved.", cue="the leader of")
rel("ghurairi","spokesperson_for","mod", F10, "Maj. Gen. Nabil al-Ghurairi, a spokesman", "around the base.", cue="a spokesman for")
rel("obeidi","leads","fursan", F10, "The attack comes amid tensions", "Sheikh Khalaf al-Obeidi.", cue="led by")
rel("fursan","fights","gma", F10, "The attack comes amid tensions", "Sheikh Khalaf al-Obeidi.", cue="tensions ... between the alliance and")
rel("fursan","fights","gma", F10, "Last month, three people were killed", "southwest of Kirkuk.", cue="a gun battle between the two sides")
# ---- 11
rel("saadi","leads","gma", F11, "The deal was reached at a meeting", "Salahuddin Operations Command.", cue="the alliance’s leader")
rel("hamdani","leads","soc", F11, "The deal was reached at a meeting", "Salahuddin Operations Command.", cue="the commander of")
rel("soc","part_of","army", F11, "The deal was reached at a meeting", "Salahuddin Operations Command.", cue="the army’s Salahuddin Operations Command")
rel("lfs","member_of","gma", F11, "Under the agreement, Liwa al-Fajr al-Sadiq", "industrial area.", cue="the alliance faction")
rel("jubouri","member_of","army", F11, "An army regiment commanded by Col. Haidar al-Jubouri", "according to the statement.", cue="An army regiment commanded by")
rel("kaabi","leads","lfs", F11, "Two commanders in Liwa al-Fajr al-Sadiq", "left the meeting early.", cue="its commander")
rel("dulaimi","holds_office","deputy governor of Salahuddin", F11, "Omar Faisal al-Dulaimi, Salahuddin’s deputy governor", "still had no answers.", cue="Salahuddin’s deputy governor")
rel("gma","backed_by","iran", F11, "The alliance, which is backed by Iran", "one of its factions.", cue="which is backed by")
# ---- jsonl line 1
rel("fursan","fights","gma", L1, "Three people were killed and four wounded", "security sources said.", cue="a gun battle between")
rel("fursan","based_in","hawija", L1, "Fursan al-Hawija, which is based in Hawija", "in the district.", cue="which is based in")
rel("obeidi","leads","fursan", L1, "Fursan al-Hawija, which is based in Hawija", "in the district.", cue="is led by")
rel("fursan","allied_with","army", L1, "The force fought alongside the Iraqi army", "Kirkuk Operations Command.", cue="fought alongside")
rel("fursan","fights","is", L1, "The force fought alongside the Iraqi army", "Kirkuk Operations Command.", cue="fought ... against")
rel("fursan","reports_to","koc", L1, "The force fought alongside the Iraqi army", "Kirkuk Operations Command.", polarity="hedged", cue="says it answers to")
rel("tamimi","spokesperson_for","gma", L1, "Ali Hussein al-Tamimi, a spokesman for the alliance", "opening fire first.", cue="a spokesman for")
rel("gma","part_of","pmf", L1, "He said the alliance had", "Popular Mobilization Forces.", polarity="hedged", cue="He said ... because it is part of")
# ---- jsonl line 2
rel("obeidi","leads","fursan", L2, "The delegation was led by Sheikh Khalaf al-Obeidi", "1,500 men.", cue="the leader of")
rel("gma","backed_by","quds", L2, "Western and Iraqi officials say the alliance", "Quds Force.", polarity="hedged", cue="officials say ... is trained and armed by")
rel("quds","part_of","iran", L2, "Western and Iraqi officials say the alliance", "Quds Force.", cue="Iran’s Quds Force")
rel("sheibani","member_of","quds", L2, "Brig. Gen. Kamran Sheibani, a Quds Force officer", "in July.", cue="a Quds Force officer")
rel("sheibani","advisor_to","gma", L2, "Brig. Gen. Kamran Sheibani, a Quds Force officer", "in July.", cue="who advises")
rel("gma","backed_by","irgc", L2, "The alliance has denied any links", "Forces in Baghdad.", polarity="denied", cue="has denied any links to")
rel("gma","part_of","pmf", L2, "The alliance has denied any links", "Forces in Baghdad.", polarity="hedged", cue="says its only chain of command runs through")
rel("haddad","member_of","tiss", L2, "Layla Haddad, a researcher at the Tigris Institute", "more than security.", cue="a researcher at")
# ---- jsonl line 3
rel("sat","reports_to","musawi", L3, "Ayatollah Jawad al-Musawi, the Najaf cleric", "Wadi al-Salam cemetery.", cue="to whom ... is loyal")
rel("salman","leads","sat", L3, "Ayatollah Jawad al-Musawi, the Najaf cleric", "Wadi al-Salam cemetery.", cue="Salman's Saraya al-Thabat")
rel("musawi","based_in","najaf", L3, "Ayatollah Jawad al-Musawi, the Najaf cleric", "Wadi al-Salam cemetery.", cue="the Najaf cleric")
rel("lami","leads","sat", L3, "At the funeral, the Guardians of Mesopotamia Alliance announced", "\"Steadfastness Companies.\"", cue="would take over as commander of")
rel("lami","reports_to","salman", L3, "At the funeral, the Guardians of Mesopotamia Alliance announced", "\"Steadfastness Companies.\"", cue="Salman's deputy")
rel("sat","member_of","gma", L3, "At the funeral, the Guardians of Mesopotamia Alliance announced", "\"Steadfastness Companies.\"", cue="the alliance names the commander of")
rel("saadi","leads","gma", L3, "Abu Turab al-Saadi, the alliance's leader", "outside the cemetery.", cue="the alliance's leader")
rel("sheibani","member_of","iran", L3, "Several Iranian officials attended", "among them.", cue="Iran's")
rel("rubaie","leads","knm", L3, "Muhannad al-Rubaie, the leader of Kataib", "presence in Syria.", cue="the leader of")
rel("kaabi","leads","lfs", L3, "Muhannad al-Rubaie, the leader of Kataib", "presence in Syria.", cue="commander of")
RELATIONS = list(R.values())
# ---- events.py

EV = []
def ev(id, type, date, location, actors, targets, quantities, mentions, mode=None, date_by_source=None, note=None, date_precision="day"):
    d = dict(id=id, type=type)
    if mode: d["mode"] = mode
    d.update(date=date, date_precision=date_precision, location=location, actors=actors, targets=targets, quantities=quantities)
    ms = []
    for key, start, end, extra in mentions:
        m = dict(file=K(key)[0], locator=K(key)[1], sentence=find_sentence(key, start, end))
        m.update(extra or {})
        ms.append(m)
    d["mentions"] = ms
    if date_by_source: d["date_by_source"] = date_by_source
    if note: d["note"] = note
    EV.append(d)

ev("ev_albujassim_attack", "ASSAULT", "2024-03-09", "albujassim", ["is"], ["lfs","gma"],
   {"killed": 7, "wounded": 5, "vehicles": 2},
   [(F1, "TIKRIT, Iraq (ALP) —", "said Sunday.", {"date_text": "on Saturday night", "quantities": {"killed": 7, "wounded": 5}}),
    (F1, "The Islamic State group claimed the attack", "on Sunday.", {"quantities": {"killed_claimed_by_perpetrator": "more than 20"}}),
    (F2, "Seven fighters from an Iran-aligned militia", "defence officials said.", {"date_text": "late on Saturday", "quantities": {"killed": 7, "wounded": 5}}),
    (F3, "Eleven fighters were killed and nine wounded", "released by the Defence Ministry.", {"date_text": "Saturday night’s", "quantities": {"killed": 11, "wounded": 9}}),
    (F3, "Officials had said on Sunday that seven", "five wounded.", {"quantities": {"killed": 7, "wounded": 5}}),
    (F4, "The sweep follows the attack on Saturday night", "seven fighters were killed.", {"date_text": "on Saturday night", "quantities": {"killed": 7}}),
    (F4, "The alliance itself has put the toll at 11.", "The alliance itself has put the toll at 11.", {"quantities": {"killed": 11}}),
    (F8, "The brigade is part of the Guardians", "south of Tikrit on Saturday.", {"date_text": "on Saturday"}),
    (F9, "The Guardians of Mesopotamia Alliance has been under growing pressure", "this week.", {"date_text": "on March 9"})],
   mode="armed attack on a checkpoint",
   note="Official toll (Defence Ministry, via ALP): 7 killed, 5 wounded. The alliance's toll (03, repeated in 04): 11 killed, 9 wounded (4 died later in hospital). Islamic State claimed 'more than 20'. See contradiction c_albujassim_toll.")
ev("ev_hamrin_operation", "FIGHT", "2024-03-12", "hamrin", ["gma","lfs","knm","sat"], ["is"],
   {"fighters": 2000, "killed": 15, "hideouts_destroyed": 6},
   [(F4, "Around 2,000 fighters", "south of Tikrit.", {"date_text": "on Tuesday", "quantities": {"fighters": 2000}}),
    (F4, "In a statement issued on Tuesday evening", "explosives near the village of Mutaibijah, about 40 kilometres east of Samarra.", {"quantities": {"killed": 15, "hideouts_destroyed": 6}})],
   mode="ground offensive", note="Casualty figures are the alliance's own claim and unverified; the army provided helicopter cover.")
ev("ev_albukamal_strike", "FIGHT", "2024-03-13", "albukamal", [], ["sat","salman"],
   {"killed": 3},
   [(F5, "A drone strike early on Wednesday", "a statement from the faction.", {"date_text": "early on Wednesday", "date": "2024-03-13"}),
    (F5, "Residents said the strike hit", "2:30 a.m.", {"date_text": "at about 2:30 a.m."}),
    (F6, "The commander of an Iraqi militia allied with Iran", "in eastern Syria.", {"date_text": "on Tuesday, March 12", "date": "2024-03-12"}),
    (F6, "Haidar Salman, the commander of Saraya al-Thabat", "Alliance, said.", {"date_text": "late on Tuesday", "date": "2024-03-12"}),
    (F9, "The Guardians of Mesopotamia Alliance has been under growing pressure", "this week.", {"date_text": "this week"}),
    (L3, "NAJAF, Iraq --", "stay in Syria.", {"date_text": "last week"})],
   mode="aerial (drone) strike",
   date_by_source={"05_esb_albukamal_strike.txt": "2024-03-13", "06_wcd_albukamal_strike.html": "2024-03-12"},
   note="Perpetrator unknown (the alliance blamed the US and Israel; the US-led coalition declined to comment). Killed: Haidar Salman and two bodyguards. Date differs between sources; see contradiction c_strike_date. 2024-03-13 is the date given by the local source, with an hour (2:30 a.m.).")
ev("ev_dec4_strike", "FIGHT", "2023-12-04", "albukamal", [], ["knm"], {"killed": 5},
   [(F6, "A similar strike on Dec. 4", "outskirts of Albu Kamal.", {"date_text": "Dec. 4"})],
   mode="aerial strike", note="Year resolved from the article date (2024-03-14): the most recent Dec. 4 before it.")
ev("ev_baiji_abduction", "ASSAULT", "2024-03-06", "albughanim", [], ["khaled"],
   {"abducted": 6, "vehicles": 3},
   [(F8, "Families of six shepherds who were abducted", "ignoring their case.", {"date_text": "last week"}),
    (F8, "The men, aged between 19 and 52", "more than 200 sheep behind.", {}),
    (F9, "The six men were abducted on the night of March 6", "according to their families.", {"date_text": "on the night of March 6"}),
    (F11, "Residents of Baiji were cautious.", "on March 6.", {"date_text": "on March 6"})],
   mode="abduction",
   note="Perpetrators unidentified gunmen in uniform; residents blame Liwa al-Fajr al-Sadiq, which the alliance denies (do not put lfs in actors).")
ev("ev_tikrit_protest", "PROTEST", "2024-03-15", "tikrit", ["obeidi","umm_khaled"], ["dulaimi"],
   {"protesters": 300, "duration_hours": 3},
   [(F9, "Hundreds of people gathered", "more than a week earlier.", {"date_text": "on March 15"}),
    (F9, "Police estimated the crowd at about 300.", "Police estimated the crowd at about 300.", {})],
   mode="demonstration", note="Relatives of the six abducted shepherds; the article's own date line says 'Friday, March 16, 2024' (March 16, 2024 was a Saturday).")
ev("ev_k1_rockets", "FIGHT", "2024-03-16", "k1", [], ["army"],
   {"rockets": 3, "wounded": 2},
   [(F10, "KIRKUK, Iraq (ALP) —", "security officials said.", {"date_text": "on Saturday night"})],
   mode="rocket fire", note="No claim; Kataib al-Nasr al-Mubin suspected but denied involvement (do not put knm in actors). A fourth rocket failed to fire.")
ev("ev_tikrit_meeting", "CONSULT", "2024-03-18", "tikrit", ["saadi","hamdani"], [],
   {},
   [(F11, "The deal was reached at a meeting", "Salahuddin Operations Command.", {"date_text": "on Monday"})],
   mode="meeting")
ev("ev_baiji_handover_agreement", "AGREE", "2024-03-18", "baiji", ["gma","soc"], [],
   {"checkpoints": 12},
   [(F11, "The Guardians of Mesopotamia Alliance has agreed", "in the area.", {"date_text": "earlier this week"}),
    (F11, "The deal was reached at a meeting", "Salahuddin Operations Command.", {"date_text": "on Monday"}),
    (F11, "Under the agreement, Liwa al-Fajr al-Sadiq", "industrial area.", {"quantities": {"checkpoints": 12}})],
   mode="security handover", note="Handover of 12 posts to the army by the end of April 2024.")
ev("ev_hawija_clash", "FIGHT", "2024-02-25", "hawija", ["fursan","gma"], [],
   {"killed": 3, "wounded": 4},
   [(L1, "Three people were killed and four wounded", "security sources said.", {"date_text": "on Sunday"}),
    (L1, "Two alliance fighters and one tribal fighter died", "wounded.", {"quantities": {"killed": 3, "wounded": 4}}),
    (F10, "Last month, three people were killed", "southwest of Kirkuk.", {"date_text": "Last month", "quantities": {"killed": 3}})],
   mode="armed clash at a checkpoint")
ev("ev_hawija_ceasefire", "AGREE", "2024-02-25", "hawija", ["fursan","gma"], [],
   {},
   [(L1, "Kirkuk police said both sides had agreed to a ceasefire", "for the time being.", {"date_text": "late on Sunday"})],
   mode="ceasefire", note="Mediated by army officers.")
ev("ev_hawija_delegation", "CONSULT", "2024-03-04", "kirkuk", ["obeidi","fursan"], ["koc"],
   {"positions_listed": 14},
   [(L2, "A delegation of tribal leaders from Hawija", "local tribesmen.", {"date_text": "on Monday"}),
    (L2, "The delegation was led by Sheikh Khalaf al-Obeidi", "handed over to the army.", {"quantities": {"positions_listed": 14}})],
   mode="meeting / demand")
ev("ev_sheibani_visit", "CONSULT", "2023-07", None, ["sheibani"], ["gma"], {},
   [(F7, "Brig. Gen. Kamran Shaybani, a Quds Force officer", "officials I interviewed.", {"date_text": "in July", "location": "baiji", "polarity": "hedged"}),
    (L2, "Brig. Gen. Kamran Sheibani, a Quds Force officer", "in July.", {"date_text": "in July", "location": "kirkuk_prov", "polarity": "hedged"})],
   date_precision="month", mode="visit",
   note="Reported (hedged). Year resolved from the dated mention (jsonl line 2, published 2024-03-05); 07 is undated. The two mentions name different places (the LFS headquarters in Baiji vs. positions in Kirkuk province); not treated as a contradiction.")
ev("ev_albujassim_arrests", "COERCE", None, None, ["army"], [], {"detained": 2},
   [(F3, "Jubouri said the army had deployed an extra battalion", "in a neighbouring village.", {})],
   date_precision=None, mode="arrest",
   note="Date not stated (between 2024-03-10 and 2024-03-11); location a village near Albu Jassim.")
ev("ev_salman_funeral", "OTHER", "2024-03-17", "najaf", ["gma","musawi"], [], {},
   [(L3, "NAJAF, Iraq --", "stay in Syria.", {"date_text": "on Sunday"})],
   mode="funeral and succession (Abu Zainab al-Lami named commander of Saraya al-Thabat)",
   note="Not a PLOVER category; listed so that its date and actors can be checked, scorers may skip type.")
EVENTS = EV
# ---- quotes.py
Q = []
def q(speaker, key, starts, kind="direct", marks=None, attribution=None, note=None, ends=None):
    t = " ".join(D[K(key)][1].split())
    assert starts in t, (key, starts)
    if ends: assert ends in t, (key, ends)
    d = dict(speaker=speaker, file=K(key)[0], locator=K(key)[1], starts_with=starts, kind=kind)
    if ends: d["ends_with"] = ends
    if marks: d["marks"] = marks
    if attribution: d["attribution"] = attribution
    if note: d["note"] = note
    Q.append(d)

for f in (F1, F2):
    q("ghurairi", f, "The terrorists took advantage of the darkness", marks="straight", attribution="\"...,\" al-Ghurairi told reporters in Baghdad. \"...\"",
      ends="the search is still going on.", note="two-part quote: continues after the attribution with \"Our forces and the Hashd units chased them\"")
    q("tamimi", f, "the blood of our martyrs", kind="partial", marks="straight", attribution="X, a spokesman for Y, said ... \"...\"")
    q("is", f, "more than 20", kind="partial", marks="straight", attribution="The organization/organisation said its fighters had killed \"...\"", note="speaker is an organisation (Islamic State statement)")
q("ahmed_khalil", F1, "We heard two explosions and then the shooting", marks="straight", attribution="\"...,\" said X, a farmer ... \"...\"", ends="burned cars on the road.", note="multi-sentence, continues after the attribution")
q("tamimi", F3, "The ministry counts only those who die on the spot", marks="curly", attribution="“...,” said Ali al-Tamimi, the alliance spokesman. “...”", ends="to make anybody look good.")
q("ghurairi", F3, "review the final numbers with the Hashd command.", kind="partial", marks="curly")
q("kaabi", F3, "We asked for night cameras, we asked for a second tower", marks="curly", attribution="Speaking at the funeral ..., Abu Haider el-Kaabi said ... (quote follows in the next paragraphs); “...,” he said.",
  ends="we will reach them wherever they hide", note="runs over two paragraphs: the first paragraph has no closing mark, the second opens with “But let the criminals hear me clearly")
q("jubouri", F3, "The area is under control", marks="curly", attribution="“...,” he said, “...”", ends="we need drones to watch them.", note="split by 'he said'; 'he' = Col. Haidar al-Jubouri (previous sentence: Jubouri said ...)")
q("saadi", F4, "Those who spilled our blood in Albu Jassim", marks="curly (HTML entities)", attribution="He said: “...”", ends="valley by valley.")
q("ghurairi", F4, "There is one state and one command", marks="curly (HTML entities)", attribution="“...,” he told a news conference ... “...”", ends="under the commander-in-chief.")
q("jabbar_hussein", F4, "Every time there is an operation, our sheep cannot graze", marks="curly (HTML entities)", attribution="“...,” said X, a livestock trader in Mutaibijah.")
q("omar_hassan", F5, "The car was completely burned. Only the metal was left", marks="straight", attribution="\"...,\" said X, an activist ... \"...\"", ends="afraid to go near it.")
q("gma", F5, "a hero of the resistance", kind="partial", marks="straight", note="speaker: the alliance's Telegram statement")
q("gma", F5, "the American occupier and its Zionist partner", kind="partial", marks="straight", note="speaker: the alliance's Telegram statement")
q("tamimi", F5, "inspecting the front lines against Daesh", kind="partial", marks="straight")
q("haddad", F6, "the strike on Salman is likely to push the alliance", kind="indirect", attribution="According to Layla Haddad, a researcher at ..., ...")
q("haddad", F6, "Albu Kamal is the bridge between their bases in Iraq", marks="straight (&quot;)", attribution="\"...,\" she said. \"...\"", ends="They cannot lose the bridge.")
q("tamimi", F7, "We are Iraqis, we are paid by Iraq and we answer to Iraq", marks="straight", attribution="\"...,\" al-Tamimi told me in a telephone interview. \"...\"", ends="should show the documents.")
q("saif_hamid", F8, "Everybody tells us the same thing", marks="straight", attribution="\"...,\" he said. \"...\"", ends="give them back to their mothers.")
q("tamimi", F8, "the alliance had nothing to do with the disappearance", kind="indirect", attribution="X told reporters in Tikrit that ...")
q("tamimi", F8, "do not arrest anyone without a warrant from the judiciary.", kind="partial", marks="straight")
q("jubouri", F8, "We have the names, and we are checking every checkpoint record", marks="straight", attribution="\"...,\" the colonel said.")
q("dulaimi", F8, "Six families are waiting and we are waiting with them", marks="straight", attribution="\"...,\" Dulaimi said, adding ...")
q("dulaimi", F9, "I promise you that this file will not be closed", marks="straight", attribution="\"...,\" he said. \"...\"", ends="Give us a few days.")
q("obeidi", F9, "behave as if the state does not exist", kind="partial", marks="straight")
q("obeidi", F9, "They came into our land to fight Daesh, and we welcomed them.", marks="straight", attribution="\"...\" he said.", ends="Is this liberation?", note="the quote paragraph follows the paragraph naming Obaidi")
q("umm_khaled", F9, "He went out with the sheep and never came back", marks="straight", attribution="\"...,\" she said. \"...\"", ends="if he is alive.")
q("rubaie", F10, "Our weapons are pointed at Daesh and at the occupier", marks="straight", attribution="\"...,\" Rubaie said in a statement on Sunday. \"...\"", ends="put the blame on the resistance.")
q("hamdani", F11, "The army will take over every checkpoint, one by one", marks="curly (HTML entities)", attribution="“...,” Hamdani said in a statement released on Tuesday. “...”", ends="belongs to the state.")
q("saadi", F11, "We did not come to Baiji to rule it", marks="curly (HTML entities)", attribution="“...,” he told the alliance’s television channel. “...”", ends="we are ready.")
q("dulaimi", F11, "a first step", kind="partial", marks="curly (HTML entities)")
q("obeidi", L1, "Hawija was liberated by its own sons.", marks="straight", attribution="\"...,\" Obeidi told the Salahuddin Post by phone on Monday. \"...\"", ends="humiliate us in our own land.")
q("tamimi", L1, "the right to move anywhere in Iraq", kind="partial", marks="straight")
q("obeidi", L2, "We told them clearly: the army yes, the police yes", marks="curly (HTML entities)", attribution="“...,” Obeidi said after the meeting.")
q("haddad", L2, "Whoever controls the checkpoints controls the trucks", marks="curly (HTML entities)", attribution="“...,” she said. “...”", ends="The tribes and the alliance both know that.")
q("saadi", L3, "They thought that by killing Haidar they would make us leave the border.", marks="straight", attribution="X addressed the mourners ... \"...,\" Saadi said.", ends="time and place of our answer,\" Saadi said.",
  note="multi-sentence quote before its attribution; 'Haidar' inside it is Haidar Salman")
QUOTES = Q

CONTRA = [
 dict(id="c_albujassim_toll", kind="quantity", event="ev_albujassim_attack",
      description="Casualties of the Saturday-night attack on the Albu Jassim checkpoint: the ALP wire (official figures) gives 7 killed and 5 wounded; the Iraq Daily Monitor (the alliance's figures) gives 11 killed and 9 wounded.",
      files=[F1, F3], also_in=[F2, F4],
      values={F1: {"killed": 7, "wounded": 5}, F3: {"killed": 11, "wounded": 9}}),
 dict(id="c_strike_date", kind="date", event="ev_albukamal_strike",
      description="Date of the drone strike that killed Haidar Salman near Albu Kamal: Eastern Syria Bulletin says early on Wednesday (2024-03-13, about 2:30 a.m.); World Conflict Desk says Tuesday, March 12 (late on Tuesday).",
      files=[F5, F6], values={F5: "2024-03-13", F6: "2024-03-12"}),
]
NON_CONTRA = [
 dict(description="Islamic State's claim of 'more than 20' killed at Albu Jassim is a perpetrator claim reported as unverifiable, not a source contradiction (same files as c_albujassim_toll).", files=[F1, F2]),
 dict(description="Sheibani's July visit is placed at the LFS headquarters in Baiji (07) and at positions in Kirkuk province (jsonl line 2): compatible, not a contradiction.", files=[F7, J]),
 dict(description="09 states 'Friday, March 16, 2024' but March 16, 2024 was a Saturday: an in-document weekday mismatch (flag), not a cross-source contradiction.", files=[F9]),
]
# ---- build.py
import json, datetime

def doc(key, fmt, title, publisher, published, ev, story, agency=None, flags=None, weekday=None, method="stated", extra=None):
    key = K(key)
    d = dict(file=key[0], locator=key[1], format=fmt, title=title, publisher=publisher, agency=agency,
             published=published, published_evidence=ev, published_weekday_stated=weekday, story=story)
    d["dateline"] = DATELINES.get(key if key[1] else key[0])
    if key[0].endswith(".txt"):
        b, k = txt_doc(key[0])
    else:
        b = HTML_BOILER.get(key, HTML_BOILER.get(key[0], []))
        if key[0] == F4: paras = html_paras(key, "story-body")
        elif key[0] == F6: paras = html_paras(key, "article-body")
        elif key[0] == F11: paras = html_paras(key)
        elif key == L2:   # paragraphs inside <article>, minus the staff byline <p class="meta">
            art = re.search(r"<article>(.*?)</article>", D[key][0], re.S).group(1)
            paras = [norm(strip_html(x)) for x in re.findall(r"<p>(.*?)</p>", art, re.S)]
        else:
            paras = [p for p in D[key][0].split("\n\n") if p.strip()]
        k = [first_words(p, dateline=DATELINES.get(key)) for p in paras]
    t = " ".join(D[key][1].split())
    for s in b: assert " ".join(s.split()) in t or s in D[key][1], (key, s)
    for s in k: assert s in t, (key, s)
    if title: assert title in t or title in json.dumps(json.loads(open(S+"/"+J).readlines()[int(key[1][5:])-1])) if key[1] else title in t, (key, title)
    if ev: assert ev in D[key][0] or ev == "metadata", (key, ev)
    d["boilerplate"] = b
    d["keep"] = k
    d["flags"] = flags or []
    if extra: d.update(extra)
    return d

DOCS = [
 doc(F1, "text", "Islamic State attack on militia checkpoint near Tikrit kills 7", "The Baghdad Ledger", "2024-03-10", "March 10, 2024", "s01_albujassim_wire", agency="Associated Levant Press"),
 doc(F2, "text", "Seven militia fighters killed as IS gunmen storm checkpoint south of Tikrit", "Frontline Gazette", "2024-03-10", "Published: Sun 10 Mar 2024", "s01_albujassim_wire", agency="Associated Levant Press", weekday=6,
     extra={"syndication": "truncated copy of 01 with British spellings (defence, kilometres, organisation, Mobilisation) and a rewritten headline and lead; no dateline"}),
 doc(F3, "text", "Militia alliance says 11 fighters died in Albu Jassim raid, vows revenge", "Iraq Daily Monitor", "2024-03-11", "11/03/2024", "s02_monitor_toll", extra={"date_format": "DD/MM/YYYY"}),
 doc(F4, "html", "Militias launch Hamrin sweep after deadly Tikrit ambush", "Euphrates Review", "2024-03-13", "2024-03-13T08:30:00Z", "s03_hamrin", extra={"date_source": "meta property=article:published_time"}),
 doc(F5, "text", "Drone strike kills Iraqi militia commander on Albu Kamal road", "Eastern Syria Bulletin", "2024-03-13", "2024-03-13T16:05:00Z", "s04_strike_esb"),
 doc(F6, "html", "Strike in eastern Syria kills commander of Iran-aligned Iraqi faction", "World Conflict Desk", "2024-03-14", "14 March 2024 11:20 GMT", "s05_strike_wcd", extra={"date_source": "'Last updated:' line with <time datetime=2024-03-14T11:20:00Z>; no publication date given"}),
 doc(F7, "text", "Who are the Guardians of Mesopotamia?", "Tigris Institute for Strategic Studies", None, None, "s06_tiss_commentary", extra={"note": "no publication date anywhere; years in the text (2023, 2014, 2015) are not publication dates"}),
 doc(F8, "text", "Families of six shepherds abducted near Baiji demand answers", "Northern Iraq Observer", "2024-03-14", "Published: Thu 14 Mar 2024", "s07_abductions", weekday=3),
 doc(F9, "text", "Hundreds rally in Tikrit for six shepherds missing since March 6", "The Levant Dispatch", "2024-03-16", "Friday, March 16, 2024", "s08_protest", weekday=4,
     flags=[{"kind": "weekday-mismatch", "stated": "Friday", "actual": "Saturday", "evidence": "Friday, March 16, 2024"}]),
 doc(F10, "text", "Rockets land near K1 base in Kirkuk, two soldiers wounded", "Kirkuk Courier", "2024-03-17", "Last updated: 17.03.2024 09:12", "s09_k1", agency="Associated Levant Press", extra={"date_format": "DD.MM.YYYY (last-updated)"}),
 doc(F11, "html", "Militia alliance agrees to hand Baiji checkpoints to army", "Middle East Watchpost", "2024-03-20", "Mar. 20, 2024", "s10_handover", extra={"date_source": "visible 'Mar. 20, 2024' and JSON-LD datePublished 2024-03-20T10:05:00+03:00"}),
 doc(L1, "text", "Three killed in clash between militia alliance and tribal fighters near Hawija", "Salahuddin Post", "2024-02-27", "metadata", "s11_hawija_clash", extra={"date_source": "JSONL field published"}),
 doc(L2, "html", "Hawija tribes take complaint about militia to Kirkuk command", "Gulf Affairs Online", "2024-03-05", "metadata", "s12_hawija_delegation", extra={"date_source": "JSONL field published (2024-03-05T14:00:00+03:00); title only in the HTML"}),
 doc(L3, "text", "Thousands mourn slain commander in Najaf as alliance names successor", "Salahuddin Post", "2024-03-19", "metadata", "s13_funeral", extra={"date_source": "JSONL field published; the text has a dateline without date"}),
]

# sanity: weekday stated matches the date except the flagged one
for d in DOCS:
    if d["published_weekday_stated"] is not None:
        real = datetime.date.fromisoformat(d["published"]).weekday()
        assert (real == d["published_weekday_stated"]) == (not d["flags"]), d["file"]

GOLD = {
  "schema": "newsgraph-gold/1",
  "corpus": "newsgraph/sample",
  "note": "Fictional corpus; see GOLD.md for the format and the scoring conventions.",
  "documents": DOCS,
  "stories": {"s01_albujassim_wire": [F1, F2]},
  "entities": E,
  "relations": RELATIONS,
  "events": EVENTS,
  "quotes": QUOTES,
  "contradictions": CONTRA,
  "not_contradictions": NON_CONTRA,
}
json.dump(GOLD, open(S + "/gold.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print("docs", len(DOCS), "entities", len(E), "relations", len(RELATIONS), "evidence", sum(len(r["evidence"]) for r in RELATIONS), "events", len(EVENTS), "quotes", len(QUOTES))
