# ruff: noqa: E501  (one regular expression a line reads better than one split across lines)
"""Question -> intent, by ordered regular-expression patterns over the ways people phrase questions.

`parse(question)` returns an `Intent`: its name, and the phrases naming the subject, a second
entity (`obj`, for "is X linked to Y") or an event description (`event`, for "how many were
killed in the bombing in Jalalabad"). The phrases are raw text; `lookup.resolve_name` maps
them to entities. Patterns are tried in order, most specific first; a question none of them
fits gets the intent "other" (answered from source passages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BE = r"(?:is|are|was|were)"
_DO = r"(?:does|do|did|has|have|had)"
_ART = r"(?:the\s+|an?\s+)?"
_SIZE_NOUNS = (r"(?:members|fighters|militants|men|soldiers|troops|combatants|followers|recruits|insurgents|"
               r"gunmen|rebels|cadres|personnel|guerrillas|guerillas)")
_FOUND_VERBS = r"(?:founded|formed|created|established|set\s+up|launched|started|born|organi[sz]ed)"
_FOUND_ACTIVE = r"(?:founded|formed|created|established|set\s+up|started|launched|organi[sz]ed|built)"
_LEAD_NOUNS = r"(?:leader|head|chief|commander|emir|amir|boss|chairman|supremo)"
_LEAD_ADJ = r"(?:(?:current|top|overall|supreme|new|official|nominal|de facto|actual|military)\s+)"
_LEAD_VERBS = r"(?:leads|led|heads|headed|commands|commanded|runs|ran|directs|directed)"
_LINK_WORDS = (r"(?:linked|connected|tied|allied|affiliated|associated|aligned|related|close|loyal|"
               r"in\s+league|working)")
_KILL = r"(?:killed|died|dead|dying|slain|murdered|massacred|lost\s+their\s+lives|killed\s+or\s+wounded)"
_HURT = r"(?:wounded|injured|hurt|maimed)"
_ADV = r"(?:(?:also|now|still|closely|reportedly|allegedly|really|directly|indirectly|in\s+any\s+way)\s+)?"
_CLAIM_VERBS = (r"(?:claimed(?:\s+responsibility\s+for)?|carried\s+out|perpetrated|committed|conducted|"
                r"(?:was|is|were|are)\s+(?:behind|responsible\s+for|blamed\s+for|accused\s+of|suspected\s+of|"
                r"suspected\s+in|held\s+responsible\s+for)|staged|launched|mounted|organi[sz]ed|planned|"
                r"attacked|bombed|ambushed|raided|stormed|shelled|killed|kidnapped|abducted|"
                r"took\s+(?:credit|responsibility)\s+for)")
_ROLE_NOUNS = (r"(?:spokes(?:man|person|woman)|deputy|second[- ]in[- ]command|military\s+chief|"
               r"treasurer|financier|ideologue|founder|co-founder|top\s+commander|military\s+commander|"
               r"political\s+chief|representative|envoy)")
_EVENT_NOUNS = (r"(?:attacks?|bomb(?:ing|ings|s)?|blasts?|explosions?|assaults?|raids?|ambush(?:es)?|strikes?|"
                r"airstrikes?|shootings?|massacres?|sieges?|clash(?:es)?|firefights?|fighting|battles?|"
                r"killings?|kidnappings?|abductions?|offensives?|incursions?|operations?|hostage|shelling|"
                r"rocket|mortar|suicide|truck|car|landmine|ied|violence|uprising|seizure|capture|takeover)")


@dataclass
class Intent:
    name: str
    subject: str | None = None
    obj: str | None = None
    event: str | None = None
    detail: str | None = None  # e.g. the role asked for ("spokesman"), "killed"/"injured"
    question: str = ""


def clean(question: str) -> str:
    q = question.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    q = " ".join(q.split())
    return q.strip().rstrip("?.!").strip()


def _strip(phrase: str | None) -> str | None:
    if phrase is None:
        return None
    p = phrase.strip(" ,;:\"'")
    p = re.sub(r"^(?:the|a|an)\s+", "", p, flags=re.I)
    p = re.sub(r"\s+(?:now|today|currently|still|in\s+total|altogether|at\s+present|these\s+days)$", "", p,
               flags=re.I)
    return p or None


# (intent, pattern, slots): slot names map regex groups to Intent fields
_PATTERNS: list[tuple[str, str]] = [
    # ---- events
    ("event_injured", rf"^how\s+many\s+(?:people\s+|persons\s+|civilians\s+|\w+\s+){{0,3}}(?:were|was|had\s+been|have\s+been|got|are)?\s*{_HURT}\b(?:\s+in|\s+during|\s+by|\s+at|\s+on)?\s+(?P<event>.+)$"),
    ("event_killed", rf"^how\s+many\s+(?:people\s+|persons\s+|civilians\s+|\w+\s+){{0,3}}(?:were|was|had\s+been|have\s+been|got|are|people)?\s*{_KILL}\b(?:\s+in|\s+during|\s+by|\s+at|\s+on)?\s+(?P<event>.+)$"),
    # "how many soldiers did HTS kill in Idlib on 1 February?": the doer, place and day name the event (not "has
    # the ADF killed since 2017", a tally over time)
    # ("how many soldiers did JNIM claim to have killed in the Djibo attack?")
    ("event_killed", r"^how\s+many\s+(?:[\w'-]+\s+){0,4}?did\s+(?P<event>.+?\s+(?:kill|massacre|(?:have|had)\s+killed)\b(?!.*\bsince\b).*)$"),
    ("event_killed", r"^what\s+(?:was|is)\s+the\s+(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|fatalities|victims))\s+(?:of|in|from|for)\s+(?P<event>.+)$"),
    ("event_injured", r"^what\s+(?:was|is)\s+the\s+number\s+of\s+(?:injured|wounded|injuries)\s+(?:of|in|from)\s+(?P<event>.+)$"),
    ("event_victims", r"^who\s+(?:was|were)\s+(?:killed|targeted|the\s+target|the\s+victims?)\s+(?:in|by|during|of)\s+(?P<event>.+)$"),
    ("event_check", r"^(?:did|does|has|have|was|were)\s+(?P<subject>.+?)\s+(?:really\s+)?(?:claim(?:ed)?(?:\s+responsibility\s+for)?|carr(?:y|ied)\s+out|behind|responsible\s+for|blamed\s+for|perpetrate|commit|conduct)\s+(?P<event>.+)$"),
    ("event_perpetrator", rf"^(?:who|which\s+(?:\w+\s+){{0,2}}(?:group|groups|organi[sz]ations?|cartels?|militants|movement|faction|insurgents|rebels|gang|network)|what\s+(?:group|organi[sz]ation|cartel|faction))\s+(?:(?:did|do|does)\s+(?P<by>.+?)\s+(?:say|believe|think|suspect|blame)\s+)?(?:\w+\s+)?{_CLAIM_VERBS}(?:\s+(?:carrying\s+out|staging|the|an?))?\s+(?P<event>.+)$"),
    ("event_perpetrator", r"^who\s+(?:is|was|are|were)\s+(?:the\s+)?(?:perpetrators?|attackers?|culprits?|bombers?)\s+(?:of|in|behind)\s+(?P<event>.+)$"),
    ("event_place", rf"^(?:where|in\s+which\s+(?:town|city|village|place|district|province|country|area|region)|in\s+what\s+(?:town|city|village|place|district|province|country))\s+(?:did|was|were|does)\s+(?P<event>(?:{_ART})?(?:[\w'-]+\s+){{0,6}}?{_EVENT_NOUNS}.*?)\s+(?:take\s+place|happen|occur|took\s+place|happened|occurred|carried\s+out|staged)$"),
    ("event_date", r"^when\s+(?:did|was|were|does)\s+(?P<event>.+?)\s+(?:happen|take\s+place|occur|start|begin|carried\s+out|launched|staged)$"),
    ("event_date", r"^when\s+(?:did|was|were)\s+(?P<event>.+?\s+(?:attacked|bombed|hit|struck|raided|stormed|targeted|besieged|ambushed|seized|captured))$"),
    ("event_date", r"^when\s+did\s+(?P<event>.+?\s+(?:launch|carry\s+out|stage|mount|conduct|commit)\s+.+)$"),
    ("event_date", r"^(?:on\s+)?what\s+(?:date|day)\s+(?:did|was|were)\s+(?P<event>.+?)(?:\s+(?:happen|take\s+place|occur|carried\s+out))?$"),
    ("events_in", r"^what\s+(?:happened|took\s+place|occurred)\s+(?:in|at|on|near)\s+(?P<event>.+)$"),
    # ---- groups: attacks
    ("attacks", r"^what\s+(?:attacks?|bombings?|operations?|atrocities|violence|incidents?|acts)\s+(?:has|have|had|did|is|are|was|were)\s+(?P<subject>.+?)\s+(?:carried\s+out|carry\s+out|conducted|conduct|committed|commit|claimed|claim|launched|launch|staged|stage|been\s+responsible\s+for|responsible\s+for|been\s+blamed\s+for|blamed\s+for|done|behind)(?:\s+(?P<event>(?:in|at|near|around|on|before|after|since|during)\s+.+))?$"),
    ("attacks", r"^what\s+(?:is|are|was|were|has|have)\s+(?P<subject>.+?)\s+(?:been\s+)?(?:responsible\s+for|blamed\s+for|behind)$"),
    ("attacks", r"^what\s+(?:has|have|did)\s+(?P<subject>.+?)\s+(?:done|carried\s+out|attacked|claimed)$"),
    ("attacks", r"^(?:which|what)\s+attacks?\s+(?:is|are|was|were)\s+(?P<subject>.+?)\s+(?:responsible\s+for|behind|blamed\s+for)$"),
    ("attacks", r"^(?:list\s+)?(?:the\s+)?(?:attacks|major\s+attacks|notable\s+attacks)\s+(?:by|of|claimed\s+by)\s+(?P<subject>.+)$"),
    # ---- groups and people: facts
    ("attacks", r"^(?:what|which)\s+(?:was|is|were)\s+(?P<subject>.+?)'s?\s+(?P<detail>first|last|latest|most\s+recent|deadliest|biggest|largest|worst)\s+(?:attack|bombing|operation|assault)s?$"),
    ("size", rf"^how\s+many\s+{_SIZE_NOUNS}\s+(?:does|do|did|has|have|had)\s+(?P<subject>.+?)\s+(?:have|had|got|number|count|field|command|muster)(?:\s+.*)?$"),
    ("size", rf"^how\s+many\s+{_SIZE_NOUNS}\s+(?:are|were)\s+(?:there\s+)?in\s+(?P<subject>.+)$"),
    ("size", r"^how\s+(?:large|big|strong|powerful|numerous)\s+(?:is|are|was|were)\s+(?P<subject>.+)$"),
    ("size", rf"^what\s+(?:is|was)\s+(?:the\s+)?(?:size|strength|membership|manpower|number\s+of\s+{_SIZE_NOUNS}|troop\s+strength)\s+of\s+(?P<subject>.+)$"),
    ("size", r"^what\s+(?:is|was)\s+(?P<subject>.+?)'s?\s+(?:size|strength|membership|manpower)$"),
    ("founded", rf"^when\s+(?:was|were|is)\s+(?P<subject>.+?)\s+{_FOUND_VERBS}$"),
    ("founded", r"^when\s+did\s+(?P<subject>.+?)\s+(?:form|emerge|come\s+into\s+being|come\s+into\s+existence|start|begin|appear|originate)$"),
    ("founded", rf"^(?:in\s+)?what\s+year\s+(?:was|were|did)\s+(?P<subject>.+?)\s+(?:{_FOUND_VERBS}|form|emerge)$"),
    ("founded", r"^how\s+old\s+(?:is|are)\s+(?P<subject>.+)$"),
    ("leader", rf"^under\s+whose\s+(?:leadership|command|direction)\s+(?:was|were|is|did)\s+(?P<subject>.+?)(?:\s+(?:{_FOUND_VERBS}|form|operate|formed))?$"),
    ("founder", rf"^who\s+(?:{_FOUND_ACTIVE})\s+(?P<subject>.+)$"),
    ("founder", r"^who\s+(?:is|was|were|are)\s+(?:the\s+)?(?:co-?)?founders?\s+of\s+(?P<subject>.+)$"),
    ("founder", rf"^by\s+whom\s+(?:was|were)\s+(?P<subject>.+?)\s+{_FOUND_VERBS}$"),
    ("leader", rf"^who\s+(?:currently\s+|now\s+)?{_LEAD_VERBS}\s+(?P<subject>.+)$"),
    ("leader", rf"^who\s+(?:is|are|was|were)\s+(?:the\s+)?{_LEAD_ADJ}?{_LEAD_NOUNS}s?\s+(?:of|in)\s+(?P<subject>.+)$"),
    ("leader", rf"^who\s+(?:is|are|was|were)\s+(?P<subject>.+?)'s?\s+{_LEAD_ADJ}?{_LEAD_NOUNS}s?$"),
    ("leader", r"^who\s+(?:makes\s+up|make\s+up|forms|form|dominates)\s+(?:the\s+)?leadership\s+of\s+(?P<subject>.+)$"),
    ("leader", r"^who\s+(?:is|are)\s+in\s+(?:charge|command)\s+of\s+(?P<subject>.+)$"),
    ("role_holder", rf"^who\s+(?:is|are|was|were)\s+(?P<subject>.+?)'s?\s+(?P<detail>{_ROLE_NOUNS})$"),
    ("role_holder", rf"^who\s+(?:is|are|was|were)\s+(?:the\s+)?(?P<detail>{_ROLE_NOUNS})\s+(?:of|for)\s+(?P<subject>.+)$"),
    ("based", r"^where\s+(?:is|are|was|were)\s+(?P<subject>.+?)\s+(?:based|headquartered|located|centred|centered|rooted|entrenched|hiding|sheltering)(?:\s+now)?$"),
    ("based", r"^where\s+(?:is|are|was|were)\s+(?:the\s+)?(?:base|bases|headquarters|stronghold|strongholds|hq|heartland)\s+of\s+(?P<subject>.+)$"),
    ("based", r"^where\s+(?:is|are|was|were)\s+(?P<subject>.+?)'s?\s+(?:base|bases|headquarters|stronghold|strongholds|hq|heartland)$"),
    ("based", r"^where\s+(?:does|do|did)\s+(?P<subject>.+?)\s+(?:have\s+(?:its|their)\s+(?:base|bases|headquarters)|live|hide)$"),
    ("origin", r"^where\s+(?:did|does|do|was|were)\s+(?P<subject>.+?)\s+(?:emerge|originate|come\s+from|first\s+appear|appear|start|begin|founded|formed|born|set\s+up)(?:\s+in\s+.+)?$"),
    ("active", r"^where\s+(?:does|do|did|has|have)\s+(?P<subject>.+?)\s+(?:operate|operated|fight|fought|attack|carry\s+out\s+attacks|have\s+(?:a\s+)?presence|expand|expanded|work|act)(?:\s+in\s+.+)?$"),
    ("active", r"^where\s+(?:is|are|was|were)\s+(?P<subject>.+?)\s+(?:active|operating|present|fighting)$"),
    ("active", r"^(?:in\s+)?(?:which|what)\s+(?:countries|country|provinces|province|regions|region|areas|area|places|districts|states|state|cities|towns|parts|territories)\s+(?:is|are|does|do|has|have)\s+(?P<subject>.+?)\s+(?:active|operate|present|operating|fight)$"),
    ("linked", rf"^(?:is|are|was|were)\s+(?P<subject>.+?)\s+{_ADV}{_LINK_WORDS}\s+(?:to|with)\s+(?P<obj>.+)$"),
    ("linked", r"^(?:does|do|did)\s+(?P<subject>.+?)\s+have\s+(?:any\s+)?(?:links|ties|connections|relations)\s+(?:to|with)\s+(?P<obj>.+)$"),
    ("linked", r"^(?:does|do|did)\s+(?P<subject>.+?)\s+(?:work|cooperate|collaborate|ally)\s+with\s+(?P<obj>.+)$"),
    ("linked", r"^how\s+(?:is|are|was|were)\s+(?P<subject>.+?)\s+(?:related|linked|connected|tied|affiliated)\s+(?:to|with)\s+(?P<obj>.+)$"),
    ("linked", r"^what\s+(?:is|was|are)\s+(?:the\s+)?(?:relationship|relation|link|links|connection|connections|ties)\s+between\s+(?P<subject>.+?)\s+and\s+(?P<obj>.+)$"),
    ("linked", r"^what\s+(?:is|was|are)\s+(?P<subject>.+?)'s?\s+(?:relationship|relation|link|links|connection|ties)\s+(?:to|with)\s+(?P<obj>.+)$"),
    ("links", rf"^(?:which|what)\s+(?:other\s+)?(?:groups|group|organi[sz]ations|movements|factions|networks)\s+(?:is|are|was|were|does|do|has|have)\s+(?P<subject>.+?)\s+{_ADV}(?:{_LINK_WORDS})\s+(?:to|with)$"),
    ("links", r"^(?:who|what)\s+(?:is|are|was|were)\s+(?P<subject>.+?)'s?\s+(?:allies|ally|partners|affiliates|friends|sponsors|patrons)$"),
    ("links", r"^(?:who|which\s+groups?)\s+(?:is|are|was|were)\s+(?P<subject>.+?)\s+(?:allied|linked|connected|aligned|affiliated|associated)\s+(?:with|to)$"),
    ("links", r"^(?:who|which\s+groups?)\s+(?:does|do)\s+(?P<subject>.+?)\s+(?:ally|work|cooperate)\s+with$"),
    ("enemies", r"^(?:who|what|which\s+groups?)\s+(?:is|are|was|were)\s+(?P<subject>.+?)'s?\s+(?:enemies|enemy|rivals|rival|opponents|adversaries|foes)$"),
    ("enemies", r"^(?:who|what|which\s+groups?)\s+(?:does|do|did|has|have)\s+(?P<subject>.+?)\s+(?:fight|fought|oppose|opposed|clash\s+with|clashed\s+with|battle|battled|rival)$"),
    ("enemies", r"^(?:who|what|which\s+groups?)\s+(?:is|are)\s+(?P<subject>.+?)\s+(?:fighting|fighting\s+against|at\s+war\s+with|in\s+conflict\s+with)$"),
    # "who is fighting the ADF?": the group is the one fought (opposes is read both ways)
    ("enemies", r"^(?:who|what|which\s+(?:\w+\s+)?(?:groups?|forces?|countries))\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:fighting|battling|combating|combatting|opposing|at\s+war\s+with)\s+(?:against\s+)?(?!whom\b|each\s+other\b)(?P<subject>.+)$"),
    ("enemies", r"^(?:who|what|which\s+(?:\w+\s+)?(?:groups?|forces?|countries))\s+(?:fights|fought|opposes|opposed|battles|battled)\s+(?:against\s+)?(?!whom\b|each\s+other\b)(?P<subject>.+)$"),
    ("targets", r"^(?:who|what|whom)\s+(?:does|do|did|has|have)\s+(?P<subject>.+?)\s+(?:target|targeted|attack|attacked|kill|killed|go\s+after)$"),
    ("targets", r"^(?:who|what)\s+(?:is|are|were)\s+(?P<subject>.+?)'s?\s+(?:targets|victims)$"),
    ("funding", r"^who\s+(?:funds|finances|backs|supports|sponsors|arms|bankrolls|supplies|pays|aids|helps)\s+(?P<subject>.+)$"),
    ("funding", r"^(?:who|what|which\s+\w+)\s+(?:is|are|was|were)\s+(?:suspected\s+of\s+|accused\s+of\s+)?(?:funding|financing|backing|supporting|sponsoring|arming|aiding|helping)\s+(?P<subject>.+)$"),
    ("funding", r"^(?:who|what)\s+(?:is|are)\s+(?P<subject>.+?)'s?\s+(?:backers|funders|financiers|sponsors|source\s+of\s+funding|funding|money)$"),
    ("funding", r"^how\s+(?:is|are|was|were)\s+(?P<subject>.+?)\s+(?:funded|financed|armed|supported)$"),
    ("funding", r"^where\s+(?:does|do)\s+(?P<subject>.+?)\s+get\s+(?:its|their)\s+(?:money|funding|funds|weapons|arms)$"),
    ("goals", r"^what\s+(?:does|do|did)\s+(?P<subject>.+?)\s+(?:want|seek|believe|believe\s+in|aim\s+for|fight\s+for|stand\s+for|demand)$"),
    ("goals", r"^what\s+(?:is|are|was|were)\s+(?:the\s+)?(?:goals?|aims?|objectives?|ideology|ideologies|agenda|demands?|mission|beliefs?)\s+of\s+(?P<subject>.+)$"),
    ("goals", r"^what\s+(?:is|are|was|were)\s+(?P<subject>.+?)'s?\s+(?:goals?|aims?|objectives?|ideology|agenda|demands?|mission|beliefs?)$"),
    ("recruits", r"^(?:where|who|from\s+where|from\s+whom)\s+(?:does|do|did)\s+(?P<subject>.+?)\s+recruit(?:\s+from)?$"),
    ("recruits", r"^who\s+(?:joins|join|makes\s+up|make\s+up)\s+(?P<subject>.+)$"),
    ("names", r"^what\s+(?:is|are|was|were)\s+(?P<subject>.+?)['’]s?\s+(?:formal|official|other|proper|arabic|full)\s+names?$"),
    ("names", r"^what\s+(?:is|are|was|were)\s+the\s+(?:formal|official|other|proper|arabic)\s+names?\s+(?:of|for)\s+(?P<subject>.+)$"),
    ("names", r"^what\s+(?:other\s+names?|aliases|names)\s+(?:does|do|did)\s+(?P<subject>.+?)\s+(?:have|go\s+by|use)$"),
    ("names", r"^(?:by\s+)?what\s+(?:other\s+)?names?\s+(?:is|are|was|were)\s+(?P<subject>.+?)\s+(?:also\s+)?(?:known|called|referred\s+to)(?:\s+(?:by|as))?$"),
    ("names", r"^what\s+(?:else\s+)?(?:is|are)\s+(?P<subject>.+?)\s+(?:also\s+)?(?:called|known\s+as)$"),
    # earlier names: "What was IS-GS initially called?", "What was HTS called before it rebranded?"
    ("names", r"^what\s+(?:was|were|is|are)\s+(?P<subject>.+?)\s+(?:initially|originally|first|formerly|previously|once)\s+(?:called|known\s+as|named)$"),
    ("names", r"^what\s+(?:was|were)\s+(?P<subject>.+?)\s+(?:called|known\s+as|named)\s+(?:before|until|at\s+first|originally|initially)\b.*$"),
    ("names", r"^what\s+(?:was|were|is|are)\s+(?P<subject>.+?)['’]s?\s+(?:former|previous|original|earlier|old|first)\s+names?$"),
    ("meaning", r"^what\s+(?:does|do|did)\s+(?:the\s+(?:name|word|term)\s+)?(?P<subject>.+?)\s+(?:mean|translate\s+(?:as|to))$"),
    ("meaning", r"^what\s+(?:is|was)\s+the\s+meaning\s+of\s+(?:the\s+(?:name|word|term)\s+)?(?P<subject>.+)$"),
    ("real_name", r"^what\s+(?:is|was)\s+(?P<subject>.+?)['’]s?\s+(?:real|true|full|birth|given|original)\s+name$"),
    ("real_name", r"^what\s+(?:is|was)\s+the\s+(?:real|true|full|birth)\s+name\s+of\s+(?P<subject>.+)$"),
    ("role", r"^what\s+(?:post|position|role|job|office|title|rank|function)\s+(?:does|do|did)\s+(?P<subject>.+?)\s+(?:hold|have|play|occupy|fill)(?:\s+.*)?$"),
    ("role", r"^what\s+(?:is|was)\s+(?P<subject>.+?)'s?\s+(?:post|position|role|job|office|title|rank)(?:\s+.*)?$"),
    ("role", r"^what\s+(?:does|did)\s+(?P<subject>.+?)\s+do$"),
    ("who_is", r"^(?:who|what)\s+(?:is|are|was|were)\s+(?P<subject>.+)$"),
    ("who_is", r"^(?:tell\s+me\s+about|describe|profile|what\s+do\s+you\s+know\s+about|who\s+or\s+what\s+is)\s+(?P<subject>.+)$"),
]
_COMPILED = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _PATTERNS]

_GROUP_INTENTS = {"names", "meaning", "origin", "size", "founded", "founder", "leader", "based", "active", "goals", "funding", "who_is", "role",
                  "links", "enemies", "targets", "recruits", "role_holder"}
_EVENTISH = re.compile(rf"\b{_EVENT_NOUNS}\b|\baccording\s+to\b", re.I)
# "who is" questions that are really something else
_WHO_IS_NOT = re.compile(r"\b(?:behind|responsible|suspected|blamed|killed|wounded|injured)\b", re.I)


def parse(question: str) -> Intent:
    """Classify a question and pull out the phrases naming its subject, object or event."""
    q = clean(question)
    for name, rx in _COMPILED:
        m = rx.match(q)
        if not m:
            continue
        groups = m.groupdict()
        subject = _strip(groups.get("subject"))
        if name in _GROUP_INTENTS and subject and _EVENTISH.search(subject):
            continue  # "who led the Dioura raid": about an event, not a group
        if name == "who_is" and (subject is None or _WHO_IS_NOT.search(subject) or len(subject.split()) > 8):
            continue
        if name == "event_perpetrator" and groups.get("by"):
            return Intent(name, subject=None, event=_strip(groups.get("event")), detail=_strip(groups.get("by")),
                          question=q)
        return Intent(name, subject=subject, obj=_strip(groups.get("obj")), event=_strip(groups.get("event")),
                      detail=groups.get("detail"), question=q)
    return Intent("other", question=q)
