"""Publications that several calculators cite, written once (clinical-evidence.md section 12).

A calculator module lists its own sources; the ones below are shared so that a citation and
its DOI live in exactly one place.
"""

from __future__ import annotations

from .schema import Source

HAGG_2020 = Source(
    "hagg2020",
    "Hägg 2020",
    "Hägg D, Brenner P, Reutfors J, et al. A register-based approach to identifying "
    "treatment-resistant depression: comparison with clinical definitions. "
    "PLoS One 2020;15(7):e0236434, abstract and Panel 1.",
    doi="10.1371/journal.pone.0236434",
    url="https://pmc.ncbi.nlm.nih.gov/articles/PMC7392234/table/pone.0236434.t001",
)
MEDICALALGORITHMS = Source(
    "medicalalgorithms",
    "medicalalgorithms.com",
    "Medical Algorithms. Treatment-resistant depression strategies (summary of Thase & Rush "
    "1997, with the limitations listed after Fava 2003), and Criteria of Souery et al for "
    "chronic resistant depression (CRD).",
    url="https://medicalalgorithms.com/treatment-resistant-depression-strategies",
)
RYBAK_2021 = Source(
    "rybak2021",
    "Rybak 2021",
    "Rybak YE, Lai KSP, Ramasubbu R, et al. Treatment-resistant major depressive disorder: "
    "Canadian expert consensus on definition and assessment. Depress Anxiety "
    "2021;38(4):456-467, Table 3.",
    doi="10.1002/da.23135",
)
SFORZINI_2022 = Source(
    "sforzini2022",
    "Sforzini 2022",
    "Sforzini L, Worrell C, Kose M, et al. A Delphi-method-based consensus guideline for "
    "definition of treatment-resistant depression for clinical trials. Mol Psychiatry 2022, "
    "Table 1.",
    doi="10.1038/s41380-021-01381-x",
)
ATHF = Source(
    "athf",
    "ATHF (Dundee)",
    "Antidepressant Treatment History Form, as described by the Advanced Interventions "
    "Service, Dundee, and a secondary summary (saclinicaltrials.blogspot.com, 2010).",
    url="https://www.advancedinterventions.org.uk/index.php/en/resources/treatment-histories/athf.html",
)
RUSH_2006 = Source(
    "rush2006",
    "Rush 2006",
    "Rush AJ, Trivedi MH, Wisniewski SR, Nierenberg AA, Stewart JW, Warden D, et al. Acute "
    "and longer-term outcomes in depressed outpatients requiring one or several treatment "
    "steps: a STAR*D report. Am J Psychiatry 2006;163(11):1905-1917 (abstract read).",
    doi="10.1176/ajp.2006.163.11.1905",
)
HOWES_2017 = Source(
    "howes2017",
    "Howes 2017",
    "Howes OD, McCutcheon R, Agid O, et al. Treatment-resistant schizophrenia: Treatment "
    "Response and Resistance in Psychosis (TRRIP) Working Group consensus guidelines on "
    "diagnosis and terminology. Am J Psychiatry 2017;174(3):216-229. PMC6231547 (abstract).",
    doi="10.1176/appi.ajp.2016.16050503",
)
NEUROBIOL_DIS_2018 = Source(
    "neurobioldis2018",
    "Neurobiol Dis 2018",
    "Review with Table 3 'Consensus criteria for TRS', summarising Howes 2017. Neurobiol Dis "
    "2018;131:104257. PMC6395548.",
    doi="10.1016/j.nbd.2018.08.016",
)
