"""Words for a people or a country's things ("Israeli", "Palestinian", "American", "Basque"): news writes
them before a title ("Israeli President ...") and before what a country owns ("two Israeli tank shells"),
so one is never a person's name or alias, however often it stands beside one."""

from __future__ import annotations

DEMONYMS = frozenset("""
afghan albanian algerian american andorran angolan argentine argentinian armenian australian austrian
azerbaijani azeri bahraini bangladeshi barbadian belarusian belgian belizean beninese bhutanese bolivian
bosnian botswanan brazilian british bruneian bulgarian burkinabe burmese burundian cambodian cameroonian
canadian chadian chilean chinese colombian congolese croatian cuban cypriot czech danish djiboutian
dominican dutch ecuadorian egyptian emirati english eritrean estonian ethiopian fijian filipino finnish
french gabonese gambian georgian german ghanaian greek grenadian guatemalan guinean guyanese haitian
honduran hungarian icelandic indian indonesian iranian iraqi irish israeli italian ivorian jamaican
japanese jordanian kazakh kenyan korean kosovan kuwaiti kyrgyz lao laotian latvian lebanese liberian
libyan lithuanian luxembourgish macedonian malagasy malawian malaysian maldivian malian maltese
mauritanian mauritian mexican moldovan monegasque mongolian montenegrin moroccan mozambican namibian
nepalese nepali nicaraguan nigerian nigerien norwegian omani pakistani palestinian panamanian paraguayan
persian peruvian polish portuguese qatari romanian russian rwandan salvadoran samoan saudi scottish
senegalese serbian sierra singaporean slovak slovakian slovenian somali south spanish sri sudanese
surinamese swazi swedish swiss syrian taiwanese tajik tanzanian thai tibetan togolese tongan trinidadian
tunisian turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni zambian
zimbabwean
arab arabian african asian european latin western eastern northern southern soviet kurdish basque
catalan flemish walloon tamil sikh hindu muslim jewish sunni shia shiite pashtun baluch berber bedouin
islamic chechen uighur uyghur rohingya maori aboriginal caribbean scandinavian balkan baltic nordic
gazan cypriote hong kongese texan californian floridian bavarian sicilian corsican breton sardinian
""".split()) - {"south", "sri", "sierra", "hong", "kongese"}


# Words that open the name of a body, never a person's: "United Nations", "National Trust", "Royal Mail".
BODY_OPENERS = frozenset({"united", "national", "international", "royal", "federal", "democratic", "republican",
                          "islamic", "imperial", "global", "world", "allied"})


def is_demonym(word: str) -> bool:
    """Whether a word (any case, a possessive or plural allowed) names a people, not a person."""
    low = word.casefold().strip("'’")
    for end in ("'s", "’s"):
        low = low.removesuffix(end)
    return low in DEMONYMS or (low.endswith("s") and low[:-1] in DEMONYMS)
