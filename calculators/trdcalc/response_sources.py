"""The publications behind the response calculator's rules, each cited once.

Citations follow clinical-evidence.md section 12 and clinical-evidence-2.md sections E, H and I.
Where the evidence file records no DOI, the link searches PubMed and the citation says so.
"""

from __future__ import annotations

from .schema import Source
from .sources import HOWES_2017, NEUROBIOL_DIS_2018, RUSH_2006, RYBAK_2021, SFORZINI_2022


def _pubmed(term: str) -> str:
    """A PubMed search link, for papers whose DOI the evidence file does not record."""
    return "https://pubmed.ncbi.nlm.nih.gov/?term=" + term.replace(" ", "+")


SOURCES = (
    Source("desseilles2011", "Desseilles 2011",
           "Desseilles M, Witte J, Chang TE, et al. Assessing the adequacy of past antidepressant "
           "trials: a clinician's guide to the Antidepressant Treatment Response Questionnaire. "
           "J Clin Psychiatry 2011;72(8) (ASCP Corner). No DOI recorded; the link searches PubMed.",
           url=_pubmed("Desseilles Antidepressant Treatment Response Questionnaire 2011")),
    RYBAK_2021,
    SFORZINI_2022,
    Source("riedel2010", "Riedel 2010",
           "Riedel M, et al. Response and remission criteria in major depression: a validation of "
           "current practice. J Psychiatr Res 2010;44(15):1063-1068 (abstract read).",
           doi="10.1016/j.jpsychires.2010.03.006"),
    RUSH_2006,
    Source("zimmerman2013", "Zimmerman 2013",
           "Zimmerman M, et al. Severity classification on the Hamilton Depression Rating Scale. "
           "J Affect Disord 2013;150(2):384-388 (abstract read).",
           doi="10.1016/j.jad.2013.04.028"),
    Source("idsqids", "ids-qids.org",
           "IDS/QIDS website: interpretation page and conversion table between the IDS, QIDS and "
           "HAM-D (after Rush 2003 and Trivedi 2004).",
           url="https://ids-qids.org/interpretation.html"),
    Source("snaith1986", "Snaith 1986",
           "Snaith RP, et al. 1986: MADRS severity bands, read in a secondary text together with "
           "the alternative cut-points 12, 24 and 35; the paper itself was not read. No DOI "
           "recorded; the link searches PubMed.",
           url=_pubmed("Snaith 1986 Montgomery Asberg grade scores")),
    # H12: the title and PMID are from the PubMed record; the DOI is RECALLED, so none is given.
    Source("hawley2002", "Hawley 2002",
           "Hawley CJ, Gale TM, Sivakumaran T. Defining remission by cut off score on the MADRS: "
           "selecting the optimal value. J Affect Disord 2002;72(2):177-184. PMID 12200208 "
           "(PubMed record and abstract read; its DOI is not verified, so none is given).",
           url="https://pubmed.ncbi.nlm.nih.gov/12200208/"),
    # H13: the title and PMID are from the PubMed record; co-authors and DOI are RECALLED.
    Source("zimmerman2004", "Zimmerman 2004",
           "Zimmerman M, et al. Defining remission on the Montgomery-Asberg depression rating "
           "scale. J Clin Psychiatry 2004;65(2):163-168. PMID 15003068 (PubMed record and "
           "abstract read; its DOI is not verified, so none is given).",
           url="https://pubmed.ncbi.nlm.nih.gov/15003068/"),
    Source("cole2020", "Cole 2020",
           "Cole EJ, et al. Stanford Accelerated Intelligent Neuromodulation Therapy for "
           "treatment-resistant depression (SAINT). Am J Psychiatry 2020 (abstract read).",
           doi="10.1176/appi.ajp.2019.19070720"),
    # A2.6 and H16: remission = MADRS <= 12 in these TRANSFORM analyses (Table 2 footnote).
    Source("clinpharmacolther2020", "Clin Pharmacol Ther 2020",
           "Analyses of the TRANSFORM esketamine trials (authors and title not recorded in the "
           "evidence file). Clin Pharmacol Ther 2020;109(2):536-546, PMC7894501, Tables 1-2 and "
           "the footnote of Table 2 (read).", doi="10.1002/cpt.2024"),
    Source("kroenke2001", "Kroenke 2001",
           "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression "
           "severity measure. J Gen Intern Med 2001;16(9):606-613.",
           doi="10.1046/j.1525-1497.2001.016009606.x"),
    Source("beck1996", "Beck 1996",
           "Beck AT, Steer RA, Brown GK 1996: the Beck Depression Inventory-II. Bands read on a "
           "secondary web page; the manual was not read. No DOI; the link searches PubMed.",
           url=_pubmed("Beck Steer Brown 1996 BDI-II")),
    Source("wiles2013", "Wiles 2013",
           "Wiles N, et al. Cognitive behavioural therapy as an adjunct to pharmacotherapy for "
           "primary care based patients with treatment resistant depression: results of the "
           "CoBalT randomised controlled trial. Lancet 2013;381(9864):375-384.",
           doi="10.1016/S0140-6736(12)61552-9"),
    # H14: title, authors and DOI VERIFIED-P (PMC3959901).
    Source("farris2013", "Farris 2013",
           "Farris SG, McLean CP, Van Meter PE, Simpson HB, Foa EB. Treatment response, symptom "
           "remission, and wellness in obsessive-compulsive disorder. J Clin Psychiatry "
           "2013;74(7):685-690, PMC3959901 (abstract read).", doi="10.4088/JCP.12m07789"),
    # H15: title and DOI from the PubMed record; the co-authors are RECALLED, so "et al.".
    Source("storch2011", "Storch 2011",
           "Storch EA, et al. Refining clinical judgment of treatment outcome in "
           "obsessive-compulsive disorder. Psychiatry Res 2011;185(3):394-401 (abstract read).",
           doi="10.1016/j.psychres.2010.08.021"),
    # The evidence files record no title for these two: the topic is given instead.
    Source("pallanti2006", "Pallanti 2006",
           "Pallanti S, Quercioli L. Prog Neuropsychopharmacol Biol Psychiatry "
           "2006;30(3):400-412: treatment-refractory obsessive-compulsive disorder, operational "
           "definitions (abstract read; thresholds not read).", doi="10.1016/j.pnpbp.2005.11.028"),
    Source("mataixcols2016", "Mataix-Cols 2016",
           "Mataix-Cols D, et al. World Psychiatry 2016;15(1):80-81: an international expert "
           "consensus on defining response, remission, recovery and relapse in OCD (definitions "
           "paragraph not read).", doi="10.1002/wps.20299"),
    # clinical-evidence-2.md E1-E3: the CGI's items and anchors (secondary sources).
    Source("psychiatrictimes", "Psychiatric Times",
           "Psychiatric Times. Clinical Global Impressions scale (CGI): three items and no "
           "global total; severity (CGI-S) and improvement (CGI-I) each rated on 7 points "
           "(secondary source).", url="https://psychiatrictimes.com/view/clinical-global-impressions-scale-cgi"),
    Source("hypersomniafoundation", "Hypersomnia Foundation",
           "Hypersomnia Foundation glossary: the wording of the CGI-S and CGI-I points "
           "(secondary source).",
           url="https://www.hypersomniafoundation.org/glossary/clinical-global-impression-improvement-scale/"),
    Source("suzuki2012", "Suzuki 2012",
           "Suzuki T, et al. Psychiatry Res 2012;197(1-2):1-6: a proposed definition of "
           "treatment-resistant schizophrenia, with CGI-S of 4 or more (abstract read)."),
    # E9, E10, E13: the PANSS minimum of 30 and why it is subtracted.
    Source("obermeier2010", "Obermeier 2010",
           "Obermeier M, Mayr A, Schennach-Wolff R, Seemüller F, Möller HJ, Riedel M. Should the "
           "PANSS be rescaled? Schizophr Bull 2010 (online 2009) (abstract read).",
           doi="10.1093/schbul/sbp124"),
    Source("leucht2010", "Leucht 2010",
           "Leucht S, Kissling W, Davis JM. The PANSS should be rescaled. Schizophr Bull "
           "2010;36(3):461-462, PMC2879684 (read).", doi="10.1093/schbul/sbq016"),
    Source("furukawa2015", "Furukawa 2015",
           "Furukawa TA, et al. JAMA Psychiatry 2015: PANSS total range 30-210 (abstract read; "
           "its address was not recorded)."),
    HOWES_2017,
    NEUROBIOL_DIS_2018,
)  # fmt: skip
