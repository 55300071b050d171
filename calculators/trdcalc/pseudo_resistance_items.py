"""The pseudo-resistance checklist as data: each item, its question, its evidence and sources.

Section 6.2 of clinical-evidence.md: the Pharmacological Reviews checklist after Dold & Kasper 2017
(VERIFIED-S) with the CANMAT 2023 factors (VERIFIED-P) and the JCP CME article on undertreatment
(VERIFIED-P). Every item is one yes / no / unknown answer to "has this been checked and found
fine?"; its `question` is for a clinician and never tells anyone to start, stop or change a
medicine. An item's label is the weakest label among its evidence. The less obvious causes
(section 6.1) are in `pseudo_resistance_causes`, the items of addendum section G in
`pseudo_resistance_further`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .schema import CONFIDENCE_LABELS, Rule, Source
from .sources import ATHF, HAGG_2020, MEDICALALGORITHMS, RYBAK_2021, SFORZINI_2022

SOURCES = (
    Source("pharmrev", "Pharmacol Rev checklist",
           "Pharmacological Reviews table: 'Checklist' with potential reasons for an only alleged "
           "resistance to the initial antidepressant medication ('pseudo-resistance'), based on "
           "Dold and Kasper (2017). Table page read; parent article not identified.",
           url="https://pharmrev.aspetjournals.org/highwire/markup/21969/expansion"),
    Source("lam2024", "CANMAT 2023",
           "Lam RW, Kennedy SH, et al. CANMAT 2023 update. Can J Psychiatry 2024 (PMC11351064), "
           "table of factors linked to inadequate response.",
           doi="10.1177/07067437241245384"),
    Source("jcpcme", "JCP CME article",
           "'Approaches to managing difficult-to-treat depressions', J Clin Psychiatry CME "
           "article (psychiatrist.com; the page credits Michael E. Thase, 2003), abstract.",
           url="https://www.psychiatrist.com/jcp/depression/approaches-managing-difficult-treat-depressions/"),
    SFORZINI_2022,
    RYBAK_2021,
    HAGG_2020,
    MEDICALALGORITHMS,
    ATHF,
    Source("zolnierek2009", "Zolnierek 2009",
           "Zolnierek KBH, DiMatteo MR. Med Care 2009;47(8):826-834 (PMC2728700). Topic: "
           "meta-analysis of physician communication and patient adherence. Abstract.",
           doi="10.1097/MLR.0b013e31819a5acc"),
    Source("nunez2018", "Nuñez 2018",
           "Nuñez NA, et al. BMC Psychiatry 2018;18:68 (PMC5857132). Topic: treatment-resistant "
           "unipolar depression compared with bipolar depression. Abstract.",
           url="https://pmc.ncbi.nlm.nih.gov/articles/PMC5857132/"),
    Source("fornaro2010", "Fornaro 2010",
           "Fornaro M, Giosuè P. Current nosology of treatment resistant depression: a "
           "controversy resistant to revision. Clin Pract Epidemiol Ment Health 2010;6:20-24, "
           "abstract.",
           doi="10.2174/1745017901006010020"),
    Source("pmc2730967", "PMC2730967",
           "Bipolar depression with alcohol use disorders and the adequacy of antidepressant "
           "treatment by the ATHF (PMC2730967; authors not given in the evidence file), "
           "abstract.",
           url="https://pmc.ncbi.nlm.nih.gov/articles/PMC2730967/"),
)  # fmt: skip


@dataclass(frozen=True)
class Evidence:
    """One reason an item matters, as the evidence file gives it, with its sources and label."""

    text: str
    rule: Rule


@dataclass(frozen=True)
class Item:
    """One check: its field, the form's question, the question for a clinician, its evidence."""

    name: str
    group: str  # "checklist" (6.2), "less_obvious" (6.1) or "further" (addendum section G)
    title: str
    label: str  # worded so that "yes" means checked and found fine
    question: str
    evidence: tuple[Evidence, ...]
    strength: str = ""  # "weak" or "conflicting" when the evidence is; "" otherwise
    caution: str = ""
    sides: str = ""  # where the sources disagree on a number: every side, in one sentence

    @property
    def rule(self) -> Rule:
        """All the item's sources, labelled with the weakest label among its evidence."""
        keys = tuple(dict.fromkeys(k for e in self.evidence for k in e.rule.sources))
        weakest = max(CONFIDENCE_LABELS.index(e.rule.confidence) for e in self.evidence)
        return Rule(keys, CONFIDENCE_LABELS[weakest])

    @property
    def why(self) -> str:
        texts = [e.text for e in self.evidence]
        return " ".join([*texts, self.caution] if self.caution else texts)


def primary(text: str, *keys: str) -> Evidence:
    """Evidence read in the primary source (VERIFIED-P)."""
    return Evidence(text, Rule(keys, "VERIFIED-P"))


def secondary(text: str, *keys: str) -> Evidence:
    """Evidence read in a named secondary reproduction (VERIFIED-S)."""
    return Evidence(text, Rule(keys, "VERIFIED-S"))


def derived(text: str, *keys: str) -> Evidence:
    """Evidence worked out from verified rows of the evidence files (DERIVED)."""
    return Evidence(text, Rule(keys, "DERIVED"))


_p, _s = primary, secondary  # short names keep the item tables below readable

DURATION_SIDES = (
    "How long is long enough differs by source: at least 2-3 weeks at the target dose "
    "(Pharmacol Rev checklist), completion of the 4th week (Sforzini 2022), 4-6 weeks "
    "(Rybak 2021), 6 weeks or more (MGH staging) and 6-8 weeks (European Staging Model)."
)

UNDERTREATMENT = _p(
    "The most common reason a first treatment fails is undertreatment (too short, too low a "
    "dose or not taken as planned), not resistance.",
    "jcpcme",
)

# Section 6.2: the Pharmacological Reviews checklist (items 1-7) and the CANMAT 2023 factors.
CHECKLIST = (
    Item("dose_checked", "checklist", "Dose", "Was the dose checked as adequate?",
         "Could the dose I have been taking be checked against what the guidelines count as "
         "adequate for this medicine?",
         (_s("The checklist asks whether the dose is adequate by the guidelines of psychiatric "
             "societies.", "pharmrev"),
          _p("CANMAT 2023 lists an inadequate dose among the treatment factors of poor "
             "response.", "lam2024"),
          UNDERTREATMENT),
         caution="No verified table of minimum doses per medicine was found for this site, so "
                 "whether a dose is adequate is a judgement for the prescriber."),
    Item("duration_checked", "checklist", "Duration", "Was it taken long enough at that dose?",
         "How long have I been on the full dose, and is that long enough to judge this "
         "medicine?",
         (_s("The checklist asks for at least 2 to 3 weeks at the target dose.", "pharmrev"),
          _p("Definitions of an adequate trial ask for completion of the 4th week (EU-PEARL) "
             "or 4 to 6 weeks (Canadian consensus).", "sforzini2022", "rybak2021"),
          _s("Staging methods ask for 6 weeks or more (MGH staging) or 6 to 8 weeks (European "
             "Staging Model).", "hagg2020", "medicalalgorithms"),
          _p("CANMAT 2023 lists an inadequate duration.", "lam2024"),
          UNDERTREATMENT),
         caution="The sources disagree on how long is long enough, from 2 to 3 weeks at the "
                 "target dose to 6 to 8 weeks.",
         sides=DURATION_SIDES),
    Item("adherence_checked", "checklist", "Adherence",
         "Is it known to have been taken as prescribed?",
         "Could we talk openly about missed doses, and could a blood level show whether the "
         "medicine is reaching my body?",
         (_s("The checklist asks whether non-adherence can be ruled out, for example with "
             "plasma levels.", "pharmrev"),
          _p("CANMAT 2023 lists poor adherence.", "lam2024"),
          UNDERTREATMENT,
          _s("The ATHF rates a trial one step lower when it ended because of intolerance or "
             "non-adherence.", "athf"),
          _p("Across medical conditions, poor communication by physicians went with a 19 % "
             "higher risk of non-adherence.", "zolnierek2009")),
         caution="No source read for this site gives a numeric adherence threshold for "
                 "depression."),
    Item("levels_checked", "checklist", "Drug levels and metabolism",
         "Were drug levels or fast metabolism considered?",
         "Could the level of the medicine in my blood be measured, and could my body be "
         "breaking it down faster or slower than usual?",
         (_s("The checklist asks whether adequate plasma levels were confirmed by therapeutic "
             "drug monitoring and whether CYP450 abnormalities, such as ultra-rapid "
             "metabolism, can be ruled out.", "pharmrev"),
          _p("CANMAT 2023 lists pharmacogenetic variability (rapid or slow metabolism).",
             "lam2024"),
          _s("Increased metabolism or excretion and ultra-rapid metabolisers are among the "
             "listed reasons a medicine fails.", "medicalalgorithms"))),
    Item("side_effects_checked", "checklist", "Side effects masking a response",
         "Were side effects ruled out as hiding a response?",
         "Could some of what I feel be side effects of the medicine rather than the depression "
         "itself?",
         (_s("The checklist asks whether a response may be masked by adverse effects.",
             "pharmrev"),
          _p("CANMAT 2023 lists side effects that look like symptoms.", "lam2024"))),
    Item("psychiatric_comorbidity_checked", "checklist", "Other mental health conditions",
         "Were other mental health conditions considered?",
         "Has anything else, such as anxiety, ADHD or a personality disorder, been considered "
         "as part of the picture, and is depression the main diagnosis?",
         (_s("The checklist asks whether psychiatric comorbidities are considered and whether "
             "depression is the primary diagnosis.", "pharmrev"),
          _p("CANMAT 2023 lists anxiety, personality disorders, ADHD and substance use "
             "disorders.", "lam2024"))),
    Item("medical_comorbidity_checked", "checklist", "Physical health conditions",
         "Were physical health conditions considered?",
         "Could a physical condition, such as anaemia, thyroid disease or sleep apnoea, be "
         "part of the picture, and has it been looked for?",
         (_s("The checklist asks whether somatic comorbidities are considered.", "pharmrev"),
          _p("CANMAT 2023 lists anaemia, obesity, sleep apnoea and thyroid disease.",
             "lam2024"))),
    Item("diagnosis_checked", "checklist", "Diagnosis, including bipolar disorder",
         "Was the diagnosis reviewed, including bipolar disorder?",
         "Has the diagnosis been looked at again, including whether I have ever had periods "
         "of unusually high mood or energy?",
         (_p("CANMAT 2023 names an incorrect diagnosis, for example bipolar disorder.",
             "lam2024"),
          _p("Studies have compared treatment-resistant unipolar depression with bipolar "
             "depression, and proposed a hidden bipolar tendency in some resistant cases.",
             "nunez2018", "fornaro2010"),
          _p("Bipolar and psychotic forms of depression are not necessarily refractory but "
             "need different approaches.", "jcpcme"))),
    Item("substance_use_checked", "checklist", "Alcohol and other substances",
         "Was alcohol or other substance use discussed?",
         "Could alcohol or other substances be affecting how I respond to treatment?",
         (_p("CANMAT 2023 lists substance use disorders.", "lam2024"),
          _p("Substance use can produce apparent treatment resistance.", "jcpcme"),
          _p("In bipolar depression, people with an alcohol use disorder more often had "
             "inadequate antidepressant treatment by the ATHF (74.3 % vs 67.3 %).",
             "pmc2730967"))),
    Item("stressors_checked", "checklist", "Stressors", "Were life stressors taken into account?",
         "How might the pressures in my life right now be affecting my recovery, and has that "
         "been part of the plan?",
         (_s("The checklist asks whether psychosocial stressors are taken into account.",
             "pharmrev"),
          _p("CANMAT 2023 lists acute or chronic stressors.", "lam2024"))),
)  # fmt: skip
