"""The less obvious causes of treatment failure, each with the evidence found for it.

Section 6.1 of clinical-evidence.md: the nine under-appreciated causes listed together by
Psychiatric News (2024), which gave no source per item; the evidence beside each was found for
this site. Section 10 items 12 and 13: the thyroid and head-injury evidence conflicts, and the
item says so. The infection study concerns the onset of mood disorders, not treatment failure,
so that item is marked weak.
"""

from __future__ import annotations

from .pseudo_resistance_items import Item, primary, secondary
from .schema import Source

_p, _s = primary, secondary  # short names keep the item table below readable

SOURCES = (
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
