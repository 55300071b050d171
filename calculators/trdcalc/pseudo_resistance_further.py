"""Further checks from the second evidence review, each with its evidence, sources and labels.

Section G of clinical-evidence-2.md (pseudo-resistance items the site lacked): psychotic features
(G1-G3), medicines that can cause depression (G4-G5), folate and vitamin B12 (G6-G8, where the B12
findings conflict), neurological disease (G9-G10), chronic pain (G11-G12), past trauma and PTSD
(G13-G14, with the CANMAT trauma history of clinical-evidence.md 6.2) and bipolar screening
questionnaires (G15-G18, whose cut-offs differ by study and setting). G3 says that ELEKT-D and the
esketamine trials excluded psychosis; only ELEKT-D's exclusion is in a row read (A1.6), so the item
names ELEKT-D alone. Where a row gives no address, the source says so.
"""

from __future__ import annotations

from .pseudo_resistance_items import Item, derived, primary, secondary
from .schema import Source

_p, _s, _d = primary, secondary, derived  # short names keep the item table below readable

SOURCES = (
    Source("focus2005", "Focus 2005",
           "Review of major depression with psychotic features. Focus 2005;3(1):131 "
           "(psychiatryonline, foc.3.1.131; exact address not kept). Authors not given in the "
           "evidence file."),
    Source("wijkstra2015", "Wijkstra 2015 (Cochrane)",
           "Wijkstra J, et al. Cochrane review of drug treatment for psychotic depression, 2015 "
           "update, read in a BJPsych Advances summary (psych.ox.ac.uk; exact address not "
           "kept)."),
    Source("anand2023", "Anand 2023 (ELEKT-D)",
           "Anand A, Mathew SJ, Sanacora G, et al. Ketamine versus ECT for nonpsychotic "
           "treatment-resistant major depression (ELEKT-D). N Engl J Med 2023;388(25):2315-2325, "
           "abstract; eligibility (bipolar disorder and psychosis excluded) from the registry "
           "record NCT03113968.",
           doi="10.1056/NEJMoa2302399"),
    Source("rogers2008", "Rogers & Pies 2008",
           "Rogers D, Pies R. General medical drugs associated with depression. Psychiatry "
           "(Edgmont) 2008;5(12):28-41 (PMC2729620).",
           url="https://pmc.ncbi.nlm.nih.gov/articles/PMC2729620"),
    Source("dcns2011", "Dialogues Clin Neurosci 2011",
           "Review of drugs that may cause depression. Dialogues Clin Neurosci 2011;13(1):109 "
           "(PMC3181967). First author given as Celano CM from memory (RECALLED, not "
           "verified).",
           url="https://pmc.ncbi.nlm.nih.gov/articles/PMC3181967"),
    Source("papakostas2004", "Papakostas 2004",
           "Papakostas GI, et al. J Clin Psychiatry 2004;65(8):1090-1095. Topic: folate, vitamin "
           "B12 and homocysteine and the response of fluoxetine-resistant depression. Abstract.",
           doi="10.4088/jcp.v65n0810"),
    Source("papakostas2005", "Papakostas 2005",
           "Papakostas GI, et al. Int J Neuropsychopharmacol 2005;8(4):523-528. Topic: folate "
           "and the onset of the response to antidepressants. Abstract (exact address not "
           "kept)."),
    Source("hintikka2003", "Hintikka 2003",
           "Hintikka J, et al. BMC Psychiatry 2003;3:17. Topic: vitamin B12 and the outcome of "
           "depression in 115 outpatients. Abstract.",
           doi="10.1186/1471-244X-3-17"),
    Source("kanner2003", "Kanner & Barry 2003",
           "Kanner AM, Barry JJ. Epilepsy Behav 2003. Topic: depression in neurological "
           "disorders. Abstract (exact address not kept)."),
    Source("conroy2020", "Conroy 2020",
           "Conroy SK, et al. Focus 2020;18(2):150-161 (PMC7587873). Topic: depression in "
           "neurological illness.",
           url="https://pmc.ncbi.nlm.nih.gov/articles/PMC7587873"),
    Source("bair2004", "Bair 2004",
           "Bair MJ, et al. Psychosom Med 2004;66(1):17-22. Topic: pain and the response to "
           "antidepressants in 573 patients (ARTIST). Abstract (exact address not kept)."),
    Source("bair2010", "Bair 2010",
           "Bair MJ, et al. Pain Med 2010;11(5):732-741. Topic: pain severity and remission of "
           "depression. Abstract (exact address not kept)."),
    Source("nanni2012", "Nanni 2012",
           "Nanni V, Uher R, Danese A. Am J Psychiatry 2012. Topic: childhood maltreatment and "
           "the course and treatment response of depression (meta-analysis). Abstract, read in "
           "a copy (scribd; exact address not kept)."),
    Source("flory2015", "Flory & Yehuda 2015",
           "Flory JD, Yehuda R. Dialogues Clin Neurosci 2015. Topic: PTSD and major depression "
           "occurring together. Abstract (exact address not kept)."),
    Source("hirschfeld2000", "Hirschfeld 2000",
           "Hirschfeld RMA, et al. Am J Psychiatry 2000;157(11):1873-1875. Topic: the Mood "
           "Disorder Questionnaire (MDQ) and its accuracy in 198 patients. Abstract.",
           doi="10.1176/appi.ajp.157.11.1873"),
    Source("mdqform", "MDQ form",
           "Mood Disorder Questionnaire: a copy of the questionnaire with its scoring rule "
           "(orlykatz.com; exact address not kept)."),
    Source("angst2005", "Angst 2005",
           "Angst J, et al. J Affect Disord 2005;88:217-233. Topic: the hypomania checklist "
           "HCL-32. Citation and opening read."),
    Source("hcl32china", "HCL-32 in China",
           "Chinese multicentre study of the HCL-32 in patients diagnosed with major "
           "depression (PubMed record PMID 22840613, read in a mirror).",
           url="https://pubmed.ncbi.nlm.nih.gov/22840613/"),
    Source("sasdelli2013", "Sasdelli 2013",
           "Sasdelli A, et al. 2013. Topic: MDQ and HCL-32 screening in Italian primary care. "
           "Abstract (exact address not kept)."),
    Source("pmc3036591", "Farsi HCL-32 (PMC3036591)",
           "Validation of a Farsi version of the HCL-32 (PMC3036591), abstract.",
           url="https://pmc.ncbi.nlm.nih.gov/articles/PMC3036591"),
    Source("auvelitylabel", "Auvelity label copy",
           "Dextromethorphan-bupropion (Auvelity) prescribing information, dosage text as "
           "copied by drugs.com.",
           url="https://drugs.com/dosage/auvelity.html"),
)  # fmt: skip

BIPOLAR_CUTOFFS = (
    "Bipolar screening cut-offs differ by study and setting: the MDQ counts 7 or more of 13 "
    "'yes' answers (questionnaire scoring) but worked best at 5 in Italian primary care; the "
    "HCL-32 worked best at 14 (12 for bipolar II) in a Chinese sample and at 15 in Italian "
    "primary care."
)

# Section G of clinical-evidence-2.md, in its order.
FURTHER = (
    Item("psychotic_features_checked", "further", "Psychotic features",
         "Were psychotic features, such as hearing voices, asked about?",
         "Have I been asked about experiences such as hearing voices or holding beliefs that "
         "others do not share, and would they change which treatments fit my depression?",
         (_s("A review states that major depression with psychotic features requires an "
             "antidepressant together with an antipsychotic, or ECT.", "focus2005"),
          _s("The 2015 Cochrane update found evidence that an antidepressant plus an "
             "antipsychotic works better than an antidepressant alone for psychotic "
             "depression; the 2005 version could not show this.", "wijkstra2015"),
          _d("ELEKT-D, the trial that compared ketamine with ECT, excluded psychosis, so its "
             "results do not apply to psychotic depression.", "anand2023")),
         caution="Both treatment findings were read in secondary sources, not in the original "
                 "papers."),
    Item("depressogenic_medicines_checked", "further", "Medicines that can cause depression",
         "Were other medicines that can cause depression considered?",
         "Could any other medicine I take be one of those linked to depression, and has that "
         "been looked at?",
         (_p("Only a few general medical drugs are strongly linked to depression; a review "
             "urges caution with isotretinoin, rimonabant and interferon-alpha.", "rogers2008"),
          _p("Another review lists drugs that appear to cause depression in some patients: "
             "barbiturates, vigabatrin, topiramate, flunarizine, corticosteroids, mefloquine, "
             "efavirenz and interferon-alpha.", "dcns2011")),
         strength="weak",
         caution="The evidence is weak for this question: these reviews concern medicines that "
                 "may cause depression, and no source found for this site shows how they change "
                 "the response to treatment. The first author of the 2011 review (Celano) is "
                 "recalled, not verified."),
    Item("folate_b12_checked", "further", "Folate and vitamin B12",
         "Were folate and vitamin B12 considered?",
         "Have my folate and vitamin B12 levels been checked, and how should the results be "
         "read in my case?",
         (_p("In 55 people whose major depression had not responded to fluoxetine, those with "
             "low folate (2.5 ng/mL or less) responded less often: 7.1 % against 44.7 %. Low "
             "vitamin B12 (200 pg/mL or less) and homocysteine were not linked to response.",
             "papakostas2004"),
          _p("Low folate was also linked to a later start of the response to antidepressants, "
             "by about 1.5 weeks.", "papakostas2005"),
          _p("In 115 outpatients, a higher vitamin B12 level went with a better outcome at 6 "
             "months.", "hintikka2003")),
         strength="conflicting",
         caution="The evidence conflicts on vitamin B12: one study found no link between low "
                 "B12 and response, another found that a higher B12 level went with a better "
                 "outcome. Both folate studies share a first author (Papakostas)."),
    Item("neurological_checked", "further", "Neurological conditions",
         "Were neurological conditions, such as stroke, epilepsy, MS or Parkinson's disease, "
         "considered?",
         "Could a neurological condition, such as a stroke, epilepsy, multiple sclerosis or "
         "Parkinson's disease, be part of the picture, and has it been taken into account?",
         (_p("Depression affects 20 to 50 % of people with stroke, epilepsy, multiple sclerosis "
             "or Parkinson's disease, and is under-recognised.", "kanner2003"),
          _p("Depression in neurological illness has long been considered more difficult to "
             "treat.", "conroy2020")),
         caution="The sources read give how common depression is in these conditions and an "
                 "expert statement, not response rates. Head injury has its own item."),
    Item("pain_checked", "further", "Chronic pain", "Was ongoing pain asked about?",
         "Has any pain I live with been asked about, and could it be affecting how I respond "
         "to treatment?",
         (_p("In 573 patients (ARTIST study), more than two thirds had pain; the odds of a poor "
             "response to antidepressants were 1.5 times higher with mild pain (not "
             "significant), 2.0 times with moderate and 4.1 times with severe pain.",
             "bair2004"),
          _p("Severe pain went with much lower odds of remission (odds ratio 0.11).",
             "bair2010")),
         caution="These studies show that pain goes with a poorer response, not that it causes "
                 "it."),
    Item("trauma_checked", "further", "Past trauma and PTSD",
         "Were past trauma and PTSD asked about?",
         "Has any past trauma, including in childhood, or post-traumatic stress been asked "
         "about, and could it be affecting how I respond to treatment?",
         (_p("Across 10 trials with 3,098 patients, childhood maltreatment went with a lack of "
             "response or remission (odds ratio 1.43, 95 % CI 1.11 to 1.83); the same "
             "meta-analysis links it to recurrent or persistent depression (odds ratio 2.27).",
             "nanni2012"),
          _p("CANMAT 2023 lists a history of trauma among the features linked to inadequate "
             "response.", "lam2024"),
          _p("About half of people with post-traumatic stress disorder (PTSD) also have major "
             "depression.", "flory2015")),
         caution="The PTSD figure is about how often the two conditions occur together; no "
                 "source found for this site measures how PTSD changes the response to "
                 "treatment."),
    Item("bipolar_screen_checked", "further", "Screening questionnaires for bipolar disorder",
         "Was a bipolar screening questionnaire, such as the MDQ or the HCL-32, used?",
         "Could a short questionnaire about past periods of unusually high mood or energy be "
         "part of my assessment, and how would its result be read?",
         (_p("In a Chinese multicentre sample of 1,487 people diagnosed with major depression, "
             "20.8 % met the criteria for bipolar disorder.", "hcl32china"),
          _s("The Mood Disorder Questionnaire (MDQ) counts as positive with 7 or more of 13 "
             "'yes' answers, several of them in the same period, causing a moderate or serious "
             "problem.", "mdqform"),
          _p("In 198 patients the MDQ had a sensitivity of 0.73 and a specificity of 0.90.",
             "hirschfeld2000"),
          _p("For the hypomania checklist (HCL-32), the best cut-off in the Chinese sample was "
             "14 for bipolar against unipolar depression and 12 for bipolar II (at 12: "
             "sensitivity 0.86, specificity 0.69).", "angst2005", "hcl32china"),
          _p("Accuracy varies by setting: in Italian primary care 8.9 % screened positive on "
             "the MDQ and 43.0 % on the HCL-32, with best cut-offs of 5 on the MDQ "
             "(sensitivity 0.91, specificity 0.67) and 15 on the HCL-32 (0.64, 0.57); a Farsi "
             "HCL-32 reached a sensitivity of 73 % and a specificity of 91 %.",
             "sasdelli2013", "pmc3036591"),
          _s("The label of dextromethorphan-bupropion (Auvelity) asks for screening for a "
             "personal or family history of bipolar disorder before treatment begins.",
             "auvelitylabel")),
         caution="A screening questionnaire is not a diagnosis, and its best cut-off differs "
                 "from one study and setting to another.",
         sides=BIPOLAR_CUTOFFS),
)  # fmt: skip
