"""Pseudo-resistance checklist: which checks of an apparent non-response are still open.

Rules from clinical-evidence.md sections 6.1 and 6.2, with the trial lengths of section 2.5 and
the conflicts of section 10 (items 12 and 13). The usual checklist comes first (Pharmacological
Reviews table after Dold & Kasper 2017, VERIFIED-S; CANMAT 2023 factors, VERIFIED-P), then the
nine under-appreciated causes listed by Psychiatric News 2024, each with the evidence found for
it. Every item is one yes / no / unknown answer to "has this been checked and found fine?"; an
item answered no or unknown is open. Nothing is scored: the output is a list of questions to
bring to a clinician, each with why it matters, its sources and their confidence label. Where
the evidence is weak or conflicting the item says so. No question tells the reader to start,
stop or change a medicine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .legacy import adapt, row
from .result import sources_used
from .schema import CONFIDENCE_LABELS, Calculator, Field, Option, Rule, Source, TableRow
from .sources import HAGG_2020, MEDICALALGORITHMS, RYBAK_2021, SFORZINI_2022

if TYPE_CHECKING:
    from collections.abc import Mapping

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
    Source("athf", "ATHF (Dundee)",
           "Antidepressant Treatment History Form, as described by the Advanced Interventions "
           "Service, Dundee, and a secondary summary (saclinicaltrials.blogspot.com, 2010).",
           url="https://www.advancedinterventions.org.uk/index.php/en/resources/treatment-histories/athf.html"),
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
    Source("fann2017", "Fann 2017",
           "Fann JR, et al. J Head Trauma Rehabil 2017;32(5):332-342 (PMC5593759). Topic: "
           "sertraline for major depression after traumatic brain injury. Abstract.",
           url="https://pmc.ncbi.nlm.nih.gov/articles/PMC5593759/"),
    Source("pmc8730802", "TBI meta-analysis (PMC8730802)",
           "Meta-analysis of antidepressants for depression after traumatic brain injury "
           "(PMC8730802), abstract.",
           url="https://pmc.ncbi.nlm.nih.gov/articles/PMC8730802/"),
    Source("jorge2016", "JAMA Psychiatry 2016",
           "Sertraline to prevent depression after traumatic brain injury, randomised trial. "
           "JAMA Psychiatry 2016 (JAMA Network article 2548277), abstract. First author given "
           "as Jorge RE from memory (RECALLED, not verified).",
           url="https://jamanetwork.com/journals/jamapsychiatry/fullarticle/2548277"),
    Source("cohen2018", "Cohen 2018",
           "Cohen BM, Sommer BR, Vuckovic A. Antidepressant-resistant depression in patients "
           "with comorbid subclinical hypothyroidism or high-normal TSH levels. Am J Psychiatry "
           "2018, opening of the full text.",
           doi="10.1176/appi.ajp.2017.17080949"),
    Source("haggerty1990", "Haggerty 1990",
           "Haggerty JJ Jr, et al. Subclinical hypothyroidism: a review of neuropsychiatric "
           "aspects. Int J Psychiatry Med 1990;20(2):193-208, abstract."),
    Source("jad1997", "J Affect Disord 1997",
           "Hypothalamic-pituitary-thyroid axis function in treatment resistant depression. "
           "J Affect Disord 1997;43(2):143-150, abstract (Antwerp repository)."),
    Source("zullino2002", "Zullino 2002",
           "Zullino DF, et al. Int Clin Psychopharmacol 2002;17(3):141-143. Topic: smoking, "
           "CYP1A2 induction and clozapine and olanzapine levels. Abstract.",
           doi="10.1097/00004850-200205000-00008"),
    Source("rizvi2014", "Rizvi 2014",
           "Rizvi SJ, et al. (InSight). Can J Psychiatry 2014;59(7):349-357 (PMC4086317). "
           "Topic: treatment-resistant depression in Canadian primary care. Abstract.",
           url="https://pmc.ncbi.nlm.nih.gov/articles/PMC4086317/"),
    Source("benros2013", "Benros 2013",
           "Benros ME, et al. JAMA Psychiatry 2013;70(8):812-820. Topic: infections, autoimmune "
           "disease and the later risk of mood disorders. Abstract.",
           doi="10.1001/jamapsychiatry.2013.1111"),
    Source("safran2011", "Safran 2011",
           "Safran JD, Muran JC, Eubanks-Carter C. Psychotherapy 2011;48(1):80-87. Topic: "
           "ruptures and repairs of the therapeutic alliance (meta-analyses). Full text copy."),
    Source("eubanks2018", "Eubanks 2018",
           "Eubanks CF, Muran JC, Safran JD. Alliance rupture repair: a meta-analysis. "
           "Psychotherapy 2018;55(4):508-519, read in the Findings.org.uk summary."),
    Source("ejaz2011", "Ejaz 2011",
           "Ejaz SM, Khawaja IS, Bhatia S, Hurwitz TD. Obstructive sleep apnea and depression: "
           "a review. Innov Clin Neurosci 2011;8(8):17-25, abstract."),
    Source("khazaie2018", "Khazaie 2018",
           "Khazaie H, et al. Higher risk for obstructive sleep apnea in chronic "
           "treatment-resistant depression. Iran J Psychiatry Behav Sci 2018;12(1):e10718, "
           "abstract."),
    Source("edwards2015", "Edwards 2015",
           "Edwards C, et al. Depressive symptoms before and after treatment of obstructive "
           "sleep apnea in men and women. J Clin Sleep Med 2015;11(9):1029, read in an AASM "
           "press summary."),
    Source("hamad2012", "Hamad 2012",
           "Hamad GG, et al. The effect of gastric bypass on the pharmacokinetics of serotonin "
           "reuptake inhibitors. Am J Psychiatry 2012;169(3):256-263, abstract.",
           doi="10.1176/appi.ajp.2011.11050719"),
    Source("pasi2023", "Pasi 2023",
           "Pasi P, et al. Plasma concentrations of SSRI/SNRI after bariatric surgery and the "
           "effects on depressive symptoms. Front Psychiatry 2023, abstract.",
           doi="10.3389/fpsyt.2023.1132112"),
    Source("roerig2013", "Roerig 2013",
           "Roerig JL, et al. Duloxetine after Roux-en-Y gastric bypass (2013), read in a "
           "secondary table (J Obes Weight Loss Medic, clinmedjournals.org, Table 4).",
           url="https://www.clinmedjournals.org/articles/jowm/jowm-2-012table4.html"),
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
    group: str  # "checklist" (section 6.2) or "less_obvious" (section 6.1)
    title: str
    label: str  # worded so that "yes" means checked and found fine
    question: str
    evidence: tuple[Evidence, ...]
    strength: str = ""  # "weak" or "conflicting" when the evidence is; "" otherwise
    caution: str = ""

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


def _p(text: str, *keys: str) -> Evidence:
    return Evidence(text, Rule(keys, "VERIFIED-P"))


def _s(text: str, *keys: str) -> Evidence:
    return Evidence(text, Rule(keys, "VERIFIED-S"))


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
                 "target dose to 6 to 8 weeks."),
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

# Section 6.1: the nine under-appreciated causes (Psychiatric News 2024), each with its evidence.
LESS_OBVIOUS = (
    Item("head_injury_checked", "less_obvious", "Head injury",
         "Was any past head injury asked about?",
         "Has any past head injury been asked about, and could it change how my depression "
         "responds to treatment?",
         (_p("Within a year of a traumatic brain injury, sertraline was no better than placebo "
             "for major depression (62 patients).", "fann2017"),
          _p("Pooled across 11 studies, antidepressants showed no significant benefit over "
             "placebo after brain injury (SMD -0.3, 95 % CI -0.6 to 0.0).", "pmc8730802"),
          _p("But in one randomised trial of 94 patients, sertraline 100 mg/day prevented "
             "depressive disorders after brain injury (NNT 5.9 at 24 weeks).", "jorge2016")),
         strength="conflicting",
         caution="The evidence conflicts: treatment trials after brain injury were negative or "
                 "not significant, while a prevention trial was positive. The first author of "
                 "that trial (Jorge) is recalled, not verified."),
    Item("endocrine_checked", "less_obvious", "Hormones, including the thyroid",
         "Were hormone problems, such as thyroid, considered?",
         "Has my thyroid function been checked, and how should the results be read in my case?",
         (_p("CANMAT 2023 lists thyroid disease, and undiagnosed hypothyroidism can produce "
             "apparent resistance.", "lam2024", "jcpcme"),
          _p("In published cases, depression that had not responded to antidepressants remitted "
             "when levothyroxine was raised in people with subclinical hypothyroidism or a "
             "high-normal TSH (case 1: TSH 3.0-3.2, then 1.6-1.9).", "cohen2018"),
          _p("A review suggested that subclinical hypothyroidism may reduce the response to "
             "treatment.", "haggerty1990"),
          _p("Against this, a 1997 study found no excess of hypothyroidism in "
             "treatment-resistant depression.", "jad1997")),
         strength="conflicting",
         caution="The evidence conflicts: single cases, a review and expert lists support "
                 "checking thyroid function, while one study found no excess hypothyroidism in "
                 "TRD."),
    Item("lifestyle_checked", "less_obvious", "Lifestyle: smoking and weight",
         "Were smoking, weight and similar habits considered?",
         "Could smoking, my weight or other habits affect how well this treatment works for me?",
         (_p("Tobacco smoke speeds up the liver enzyme CYP1A2 and lowers clozapine and "
             "olanzapine levels.", "zullino2002"),
          _p("CANMAT 2023 lists obesity and substance use disorders.", "lam2024"),
          _p("Obesity or overweight went together with treatment-resistant depression in "
             "primary care.", "rizvi2014"),
          _p("Substance use can produce apparent treatment resistance.", "jcpcme")),
         caution="The smoking finding concerns two antipsychotics, not antidepressants, and the "
                 "obesity finding is an association, not shown to be a cause."),
    Item("infection_checked", "less_obvious", "Infection",
         "Was a recent or ongoing infection considered?",
         "Could a recent or ongoing infection, or an autoimmune condition, be playing a part?",
         (_p("A hospital contact for infection went with a higher later risk of a mood "
             "disorder (rate ratio 1.62; autoimmune disease 1.45; both 2.35), and 32 % of "
             "people with a mood disorder had such a contact before it.", "benros2013"),),
         strength="weak",
         caution="The evidence is weak for this question: it concerns the risk of developing a "
                 "mood disorder, and no source found for this site shows that infection causes "
                 "treatment failure."),
    Item("alliance_checked", "less_obvious", "Working relationship with a therapist",
         "Were any strains with a therapist talked through?",
         "Can we talk about how our work together is going, including anything that has not "
         "felt right?",
         (_p("A weakened alliance goes with patients ending therapy on their own, and episodes "
             "of rupture and repair went with better outcomes (r = .24; 3 studies, 148 "
             "patients).", "safran2011"),
          _s("Resolved ruptures went with better outcomes than unresolved ones or none; "
             "training therapists in repair was linked to better outcomes, not "
             "significantly.", "eubanks2018")),
         caution="These studies concern psychotherapy in general; none of those read is "
                 "specific to treatment-resistant depression."),
    Item("communication_checked", "less_obvious", "Communication about the treatment",
         "Has the treatment plan been explained and understood?",
         "Could we go over why this treatment was chosen and what to expect, so that I am sure "
         "I have understood it?",
         (_p("Poor communication by physicians went with a 19 % higher risk of non-adherence, "
             "and communication training with 1.62 times the odds of adherence (106 "
             "correlational and 21 experimental studies).", "zolnierek2009"),),
         caution="These studies cover all medical conditions, not psychiatry alone."),
    Item("interactions_checked", "less_obvious", "Other medicines and absorption",
         "Were other medicines and interactions reviewed?",
         "Could any of my other medicines interact with this one or lower how much of it I "
         "absorb, and has my product or manufacturer changed?",
         (_s("A medicine can fail through antagonism from another drug, decreased absorption, "
             "increased metabolism or excretion, or ultra-rapid metabolism.",
             "medicalalgorithms", "pharmrev"),
          _p("People with treatment-resistant depression more often received several "
             "medicines at once.", "rizvi2014")),
         caution="That association can run either way. Whether a change between brand and "
                 "generic versions causes treatment failure is not addressed by any source "
                 "found for this site."),
    Item("sleep_apnoea_checked", "less_obvious", "Sleep apnoea",
         "Was sleep apnoea considered?",
         "Could sleep apnoea be part of this, and has it been screened for?",
         (_p("Obstructive sleep apnoea is under-diagnosed in depression and may be responsible "
             "for antidepressant treatment failure; CANMAT 2023 lists it.", "ejaz2011",
             "lam2024"),
          _p("64 % of 140 people with chronic treatment-resistant depression were at high risk "
             "on the Berlin questionnaire.", "khazaie2018"),
          _s("Depressive symptoms were present in 73 % of people with sleep apnoea at the "
             "start and in 4 % after 3 months of regular CPAP.", "edwards2015")),
         caution="The CPAP figures are a before-and-after comparison read in a press summary, "
                 "not in the paper."),
    Item("gut_checked", "less_obvious", "Gut conditions and stomach surgery",
         "Were gut problems or stomach surgery considered?",
         "Could a gut condition or past stomach surgery mean I absorb less of my medicine, and "
         "could a blood level show this?",
         (_p("One month after gastric bypass, exposure to serotonin reuptake inhibitors fell to "
             "54 % (36-80 %) of the level before surgery in 8 of 12 patients, and 4 had worse "
             "depression.", "hamad2012"),
          _p("SSRI and SNRI plasma levels were 24.7 % lower 6 months after bariatric surgery "
             "(63 patients).", "pasi2023"),
          _s("Duloxetine exposure was 57.7 % of that in people without the operation.",
             "roerig2013"))),
)  # fmt: skip

ITEMS = CHECKLIST + LESS_OBVIOUS
FRAMEWORK = Rule(("pharmrev", "lam2024"), "VERIFIED-S")  # the checklist itself (section 6.2)
DURATION_SIDES = (
    "How long is long enough differs by source: at least 2-3 weeks at the target dose "
    "(Pharmacol Rev checklist), completion of the 4th week (Sforzini 2022), 4-6 weeks "
    "(Rybak 2021), 6 weeks or more (MGH staging) and 6-8 weeks (European Staging Model)."
)
STATUS = {"no": "open", "unknown": "unknown"}
ANSWER_LABELS = {"yes": "Yes", "no": "No", "unknown": "Not sure"}


def _field(item: Item) -> Field:
    rule = item.rule
    return Field(
        name=item.name,
        dimension=item.group,
        label=item.label,
        kind="choice",
        options=tuple(Option(v, label, 0, rule) for v, label in ANSWER_LABELS.items()),
        default="unknown",
        help_title="Why this matters",
        help=item.evidence[0].text,
    )


FIELDS = tuple(_field(item) for item in ITEMS)


def _open_item(item: Item, answer: str) -> dict[str, Any]:
    rule = item.rule
    return {
        "item": item.name,
        "group": item.group,
        "title": item.title,
        "answer": answer,
        "status": STATUS[answer],
        "question": item.question,
        "why": item.why,
        "sources": list(rule.sources),
        "confidence": rule.confidence,
        "evidence": [
            {"text": e.text, "sources": list(e.rule.sources), "confidence": e.rule.confidence}
            for e in item.evidence
        ],
        "evidence_strength": item.strength or None,
        "caution": item.caution or None,
    }


def _disagreements(open_items: list[Item]) -> list[str]:
    notes = [
        f"{item.title}: {item.caution}" for item in open_items if item.strength == "conflicting"
    ]
    if any(item.name == "duration_checked" for item in open_items):
        notes.insert(0, DURATION_SIDES)
    return notes


def compute(values: Mapping[str, Any]) -> dict[str, Any]:
    """The open items (answered no or unknown) in checklist order, each with why it matters."""
    still_open = [item for item in ITEMS if values[item.name] != "yes"]
    open_items = [_open_item(item, values[item.name]) for item in still_open]
    no_count = sum(values[item.name] == "no" for item in ITEMS)
    unknown_count = len(still_open) - no_count
    details = [
        row(o["item"], o["title"], f"Ask: {o['question']} Why: {o['why']}", o["status"], i.rule)
        for o, i in zip(open_items, still_open, strict=True)
    ]
    warnings = []
    if unknown_count == len(ITEMS):
        warnings.append(
            "No item was answered, so every check is listed as not known. Answer the ones you "
            "know; a partly filled checklist is normal."
        )
    if still_open:
        headline = (
            f"{len(still_open)} of {len(ITEMS)} checks still open "
            f"({no_count} answered no, {unknown_count} not known)"
        )
    else:
        headline = f"No check left open: all {len(ITEMS)} were answered yes"
    return {
        "open_items": open_items,
        "open_count": len(still_open),
        "no_count": no_count,
        "unknown_count": unknown_count,
        "checked_items": [item.name for item in ITEMS if values[item.name] == "yes"],
        "headline": headline,
        "value_label": "Status",
        "details": details,
        "interpretation": _interpretation(len(still_open)),
        "sources": sources_used(CALCULATOR, [FRAMEWORK] + [item.rule for item in still_open]),
        "warnings": warnings,
        "disagreements": _disagreements(still_open),
    }


def _interpretation(open_count: int) -> dict[str, str]:
    clinical = (
        "Open items follow the Pharmacological Reviews pseudo-resistance checklist (after Dold & "
        "Kasper 2017) and the CANMAT 2023 factors of inadequate response, then the nine "
        "under-appreciated causes of treatment failure listed by Psychiatric News (2024), each "
        "with the evidence found for it and its confidence label. An open item is a prompt to "
        "review, not evidence of pseudo-resistance."
    )
    if open_count == 0:
        clinical += (
            " All items answered yes does not establish true resistance; it means these common "
            "explanations have been looked at."
        )
    plain = (
        "This list is a prompt for a conversation with your clinician, not a verdict. Each open "
        "item is a question you could bring to an appointment. A 'no' or 'not sure' does not "
        "mean anyone did something wrong, and it does not mean your depression is not real; it "
        "points to something worth talking about. Some causes rest on weak or conflicting "
        "evidence, and the list says which."
    )
    return {"clinical": clinical, "plain": plain}


EVALUATE, DESCRIBE = adapt(compute)

CALCULATOR = Calculator(
    id="pseudo_resistance",
    title="Pseudo-resistance: checks still open",
    version="1.0.0",
    purpose="Which checks of an apparent non-response to treatment are still open?",
    fields=FIELDS,
    sources=SOURCES,
    kind="unscored",
    evaluate=EVALUATE,
    describe=DESCRIBE,
    table=tuple(
        TableRow(
            f"{n}. {item.title}",
            f"Why it matters: {item.why} Question to ask: {item.question}",
            "open if no; unknown if not sure",
            item.rule,
        )
        for n, item in enumerate(ITEMS, start=1)
    ),
    value_label="Status",
)
