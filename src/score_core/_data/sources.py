"""The public sources score_core cites: key, title and where it was read.

``score_core.sources`` registers them when it is imported. Keys are stable;
the list is generated into the docs.
"""

from __future__ import annotations


#: (key, title, url) of each registered source.
SOURCES: tuple[tuple[str, str, str], ...] = (
    (
        "SEED",
        "SCORE Project Phase II (China): the text score_core started from",
        "https://ilo.org/beijing/what-we-do/projects/WCMS_238771/lang--en/index.htm",
    ),
    (
        "BJ-II",
        "ILO Beijing: SCORE Phase II China project page",
        "https://ilo.org/beijing/what-we-do/projects/WCMS_238771/lang--es/index.htm",
    ),
    (
        "BJ-I",
        "ILO Beijing: SCORE Phase I China project page",
        "https://www.ilo.org/beijing/what-we-do/projects/WCMS_142938/lang--en/index.htm",
    ),
    (
        "PROC",
        "ILO: The SCORE Training Process",
        "http://www.ilo.org/empent/Projects/score/WCMS_321117/lang--fr/index.htm",
    ),
    (
        "HOME",
        "ILO SCORE programme home page",
        "https://ilo.org/empent/Projects/score/lang--en/index.htm",
    ),
    (
        "MTE-II",
        "SCORE Phase II independent mid-term evaluation (data to December 2015)",
        "http://muhaz.org/ilo-evaluation.html",
    ),
    (
        "TOT",
        "ILO SCORE training of trainers and certification description",
        "https://ilototpricecert.sgexpert.pro",
    ),
    (
        "SDG12",
        "SCORE Training implementation steps (summary of the Implementation Guide)",
        "https://sdg12hub.org/node/246",
    ),
    (
        "LIMA",
        "ILO Lima: SCORE Peru and Bolivia",
        "http://www.ilo.int/lima/programas-y-proyectos/WCMS_250146/lang--fr/index.htm",
    ),
    (
        "NEWDELHI-TOT",
        "ILO New Delhi: SCORE ToT on enterprise visits and baseline assessment",
        "https://www.ilo.org/newdelhi/whatwedo/eventsandmeetings/WCMS_154994/lang--en/index.htm",
    ),
    (
        "AIOE",
        "AIOE / FICCI SCORE National Coordination Centre (India)",
        "https://www.aioe.in:443/score.html",
    ),
    (
        "ID-III",
        "SCORE Programme Phase III factsheet (Indonesia)",
        "https://vdocuments.us/score-programme-phase-iii-score-programme-successfully-engaged-with-different.html",
    ),
    (
        "ETH",
        "SCORE project management orientation (Ethiopia sequence)",
        "https://www.slideshare.net/slideshow/score-project-mgt-orientationpptx/266036978",
    ),
    (
        "HOCO",
        "MDPI Ghana: SCORE Hospitality Coaching",
        "https://www.mdpi.gov.gh/hoco/",
    ),
    (
        "GIMI",
        "SME measurement case study: SCORE's binomial indicators and KPIs",
        "https://www.sme-measurement.org/gimi/SMECaseStudy2.action",
    ),
    (
        "COVID",
        "ILO: SCORE COVID-19 modules (OSH and business continuity planning)",
        "https://www.ilo.org/empent/whatsnew/WCMS_764254/lang--en/index.htm",
    ),
    (
        "GENDER",
        "ILO: revised SCORE Gender Equality module launched",
        "https://www.ilo.org/empent/whatsnew/WCMS_631091/lang--en/index.htm",
    ),
    (
        "S4C",
        "ILO: SCORE4Climate",
        "http://oit.org/empent/units/boosting-employment-through-small-enterprise-development/smeproductivity/WCMS_868502/lang--en/index.htm",
    ),
    (
        "PHASE-III-RESPONSE",
        "ILO management response to the SCORE Phase III final evaluation",
        "https://webapps.ilo.org/ievaldiscovery/recommendations/15698",
    ),
    (
        "SIYB",
        "ILO SIYB Master Trainer development (3-year licence)",
        "https://www.ilo.org/empent/areas/start-and-improve-your-business/WCMS_537278/lang--en/index.htm",
    ),
    (
        "SECO-III",
        "SECO project record: SCORE Phase III (1.10.2017 to 31.12.2021)",
        "https://www.eda.admin.ch/countries/tunisia/fr/home/cooperation-internationale/projets.html/content/dezaprojects/SECO/en/2013/UR00644/phase3.html",
    ),
    (
        "BJ-SAWS",
        "ILO Beijing: SCORE with safety inspectors (SAWS), Nanxun, Zhejiang, May 2015: "
        "consultants and inspectors trained together, visiting in pairs",
        "http://www.ilo.ch/beijing/what-we-do/events-and-meetings/WCMS_423517/lang--en/index.htm",
    ),
    (
        "GH-GIZ",
        "Ghana: about 270 enterprises trained in SCORE over 9 months (GIZ-funded batch)",
        "https://timesgh.com/270-ghanaian-businesses-to-benefit-from-e400000-germany-funded-training-program/10329/",
    ),
    (
        "BJ-MEM",
        "ILO Beijing: SCORE China with the Ministry of Emergency Management (MEM)",
        "https://www.ilo.org/beijing/information-resources/public-information/WCMS_807424/lang--en/index.htm",
    ),
    (
        "YONGKANG",
        "Workplace cooperation boosts quality (Yongkang, Zhejiang pilot, July 2024)",
        "https://www.miragenews.com/workplace-cooperation-boosts-quality-1276310/",
    ),
)
