"""French templates of quoted care: dental prostheses, glasses, hearing aids (``care/tariffs.py``, ``care/quoted.py``).

Every figure is a value (``{limit}``, ``{base}``, ``{rate}``…) that the rule read from its parameter file under
``eligibility/parameters/soins``; no template repeats a number of a parameter. ``care.quoted.verify.*`` are the
"to verify" notes for professionals (French on every page, like the other notes).
"""

TEMPLATES: dict[str, str] = {}
TEMPLATES.update({
    # Words the sentences share: baskets, dental acts, the item.
    "care.quoted.basket.cent_pour_cent_sante": "offre « 100 % Santé »",
    "care.quoted.basket.tarifs_maitrises": "panier à tarifs maîtrisés",
    "care.quoted.basket.libre": "tarif libre",
    "care.quoted.act.crown": "couronne",
    "care.quoted.act.bridge": "bridge",
    "care.quoted.act.denture": "prothèse amovible (dentier)",
    "care.quoted.what.hearing_aid": "aide auditive",
    "care.quoted.what.glasses": "lunettes",
    # Dental prostheses (convention dentaire, CCAM).
    "care.quoted.dental.basket.limited": (
        "{act} : {basket} pour ce matériau et cette position de dent, prix limite {limit}."
    ),
    "care.quoted.dental.basket.free_price": (
        "{act} : {basket} pour ce matériau et cette position de dent (le dentiste fixe son prix)."
    ),
    "care.quoted.dental.basket.bridge_incisor": (
        "{act} céramo-métallique qui remplace une incisive : {basket}, prix limite {limit}."
    ),
    "care.quoted.dental.basket.bridge_not_incisor": (
        "{act} céramo-métallique qui ne remplace pas une incisive : {basket} (le dentiste fixe son prix ; seul le "
        "bridge céramo-métallique qui remplace une incisive est « 100 % Santé »)."
    ),
    "care.quoted.dental.basket.limit_not_read": (
        "{act} : {basket} pour ce matériau et cette position de dent ; son prix limite n'est pas repris ici et "
        "figure sur le devis."
    ),
    "care.quoted.dental.denture_limit": (
        "Prothèse amovible complète en résine « 100 % Santé » : prix limite {limit} par arc."
    ),
    "care.quoted.dental.social_security": (
        "La Sécurité sociale rembourse {rate} de la base de remboursement ({base} pour ce type de prothèse), soit "
        "{paid}, quel que soit le prix."
    ),
    "care.quoted.dental.css_limit": (
        "Avec la Complémentaire santé solidaire, le dentiste ne peut pas facturer plus de {limit} pour ce {act} ; la "
        "CSS paie tout ce qui dépasse le remboursement de la Sécurité sociale jusqu'à ce montant."
    ),
    "care.quoted.dental.advice": (
        "Demandez au dentiste un devis qui comprend une proposition « 100 % Santé » ou, à défaut, à tarif maîtrisé : "
        "il doit vous la faire quand elle existe pour votre dent."
    ),
    # Hearing aids (LPP).
    "care.quoted.hearing.child": "moins de {age} ans",
    "care.quoted.hearing.adult": "{age} ans ou plus",
    "care.quoted.hearing.social_security": (
        "Aide auditive ({who}) : la Sécurité sociale rembourse {rate} de la base de {base} par oreille, soit {paid} "
        "par oreille."
    ),
    "care.quoted.hearing.class_1": (
        "Classe I (« 100 % Santé ») : prix limite {limit} par oreille ; rien à payer avec la CSS ou une "
        "complémentaire responsable."
    ),
    "care.quoted.hearing.class_2": (
        "Classe II : prix libre ; l'audioprothésiste doit aussi vous proposer un appareil de classe I (« 100 % "
        "Santé », au plus {limit} par oreille, sans reste à payer avec la CSS ou une complémentaire responsable)."
    ),
    "care.quoted.hearing.css_limit": (
        "Avec la Complémentaire santé solidaire, l'audioprothésiste doit proposer des appareils de classe I à "
        "{limit} au plus par oreille : rien à payer."
    ),
    "care.quoted.hearing.css_cover": (
        "Avec la Complémentaire santé solidaire, un appareil de classe II est pris en charge jusqu'à {cover} par "
        "oreille, remboursement de la Sécurité sociale compris ; le reste est à payer. L'audioprothésiste doit aussi "
        "proposer des appareils de classe I à {limit} au plus par oreille, sans rien à payer."
    ),
    "care.quoted.hearing.css_child": (
        "Avec la Complémentaire santé solidaire, avant {age} ans, l'audioprothésiste doit proposer les appareils, "
        "quelle qu'en soit la classe, au tarif de la Sécurité sociale au plus ({limit} par oreille) : rien à payer."
    ),
    "care.quoted.hearing.advice": (
        "Demandez à l'audioprothésiste un devis qui comprend au moins un appareil de classe I (« 100 % Santé ») : il "
        "doit vous en proposer, avec un essai de 30 jours."
    ),
    # Glasses (LPP, contrat responsable R871-2).
    "care.quoted.glasses.class_a": (
        "Lunettes de classe A (« 100 % Santé ») : monture au plus {frame_limit}, verres à prix limité selon la "
        "correction ; rien à payer avec la CSS ou une complémentaire responsable. La Sécurité sociale rembourse "
        "{paid} sur la monture, plus une part des verres qui dépend de la correction (indiquée sur le devis)."
    ),
    "care.quoted.glasses.class_b": (
        "Lunettes de classe B (prix libre) : la Sécurité sociale rembourse {rate} d'une base de {frame_base} par "
        "élément (monture et deux verres), soit {paid} en tout ; avec la CSS, seule cette base est couverte (la CSS "
        "ne couvre entièrement que la classe A)."
    ),
    "care.quoted.glasses.responsible_cap": (
        "Un contrat responsable rembourse au plus {simple} à {very_complex} pour des lunettes de classe B selon les "
        "verres, dont {frame} pour la monture, une paire tous les deux ans (chaque année avant {age} ans)."
    ),
    "care.quoted.glasses.advice": (
        "Demandez à l'opticien un devis qui comprend un équipement « 100 % Santé » (classe A) : il doit vous en "
        "proposer un, monture et verres."
    ),
    # Without a quote: what the item would cost (``NoQuoteAdvice``), the parts joined by ``care.quoted.sentences``.
    "care.quoted.no_quote.controlled": (
        "À tarif maîtrisé : {limit} au plus ; un contrat responsable ou la CSS en paie tout ou partie."
    ),
    "care.quoted.no_quote.cent_pour_cent_sante": (
        "En « 100 % Santé » : {limit} au plus, sans reste à payer avec la CSS ou une complémentaire responsable."
    ),
    "care.quoted.no_quote.frame": (
        "En « 100 % Santé » : monture à {frame_limit} au plus et verres à prix limité, sans reste à payer avec la "
        "CSS ou une complémentaire responsable."
    ),
    "care.quoted.no_quote.usual": "Hors « 100 % Santé », les prix constatés vont souvent de {low} à {high}.",
    "care.quoted.sentences": "{sentences}",
    # One coverage column of a quoted item (``Priced.note``).
    "care.quoted.note.capped": (
        "Le devis dépasse le prix limite ({limit}) : le professionnel ne peut pas facturer plus pour cette offre."
    ),
    "care.quoted.note.css_dental_limit": (
        "Avec la CSS, le dentiste doit s'en tenir à {limit} pour cet acte : rien à payer s'il respecte ce tarif."
    ),
    "care.quoted.note.css_limit": "Avec la CSS, le professionnel ne peut pas facturer plus de {limit} : rien à payer.",
    "care.quoted.note.css_any_class_limit": (
        "Avec la CSS, l'audioprothésiste doit s'en tenir à {limit}, quelle que soit la classe de l'appareil : rien à "
        "payer s'il respecte ce prix."
    ),
    "care.quoted.note.css_cover": (
        "Avec la CSS, prise en charge jusqu'à {cover}, Sécurité sociale comprise : le reste est à payer."
    ),
    "care.quoted.note.css_nothing": "Offre « 100 % Santé » ou tarif CSS : rien à payer avec la CSS.",
    "care.quoted.note.css_base": (
        "Hors « 100 % Santé », la CSS paie le tarif de base de la Sécurité sociale ; le reste est à payer, sauf si le "
        "professionnel applique un tarif du panier CSS (à vérifier sur le devis) : un devis « 100 % Santé » ne "
        "laisserait rien à payer."
    ),
    "care.quoted.note.ame": "L'AME paie le tarif de base de la Sécurité sociale, rien au-delà : le reste est à payer.",
    "care.quoted.note.none": "Sans complémentaire, tout ce que la Sécurité sociale ne rembourse pas reste à payer.",
    "care.quoted.note.responsible_full": "Offre « 100 % Santé » : un contrat responsable paie tout le reste.",
    "care.quoted.note.responsible": (
        "Un contrat responsable paie au moins le ticket modérateur (compté ici) ; au-delà, cela dépend des garanties : "
        "demandez-lui un devis de remboursement."
    ),
    "care.quoted.note.responsible.cap": (
        "Un contrat responsable paie au moins le ticket modérateur (compté ici) ; au-delà, cela dépend des garanties "
        "(il ne peut pas rembourser plus de {cap}) : demandez-lui un devis de remboursement."
    ),
    "care.quoted.note.responsible.cap_with_social_security": (
        "Un contrat responsable paie au moins le ticket modérateur (compté ici) ; au-delà, cela dépend des garanties "
        "(il ne peut pas rembourser plus de {cap}, Sécurité sociale comprise) : demandez-lui un devis de "
        "remboursement."
    ),
    "care.quoted.note.private_full": (
        "Dépend de votre contrat. Avec un contrat « responsable » (la grande majorité), l'offre « 100 % Santé » ne "
        "laisse rien à payer : vérifiez votre contrat."
    ),
    "care.quoted.note.private": "Dépend de votre contrat : montant avant son remboursement.",
    "care.quoted.note.both": "{first} {second}",
})
TEMPLATES.update({
    # "To verify" notes for professionals (``to_verify``).
    "care.quoted.verify.dental.basket_mismatch": (
        "Prothèse dentaire de {member} : le panier indiqué ne correspond pas au matériau et à la position de la dent "
        "({basket} d'après la convention dentaire) ; le calcul suit la convention."
    ),
    "care.quoted.verify.dental.no_limit": (
        "Prothèse dentaire de {member} : prix limite « 100 % Santé » non repris ici pour ce {act} (matériau ou "
        "position de la dent inconnus, ou valeur non sourcée) : vérifier sur le devis que le prix ne le dépasse pas."
    ),
    "care.quoted.verify.dental.bridge_incisor": (
        "Bridge de {member} : le prix limite « 100 % Santé » de {limit} vaut pour un bridge céramo-métallique qui "
        "remplace une incisive ; pour une canine ou une première prémolaire, ce bridge n'est pas dans le panier "
        "« 100 % Santé » : vérifier le panier sur le devis."
    ),
    "care.quoted.verify.dental.bridge_not_incisor": (
        "Bridge de {member} : bridge céramo-métallique qui ne remplace pas une incisive, hors panier « 100 % Santé » "
        "(convention dentaire, HBLD785) ; compté à tarif libre, le prix limite d'un éventuel panier à tarif maîtrisé "
        "n'étant pas repris : vérifier le panier sur le devis."
    ),
    "care.quoted.verify.dental.no_base": (
        "Prothèse dentaire de {member} : pas de base de remboursement connue à cette date."
    ),
    "care.quoted.verify.hearing.before_tariffs": (
        "Aides auditives de {member} : tarifs de la LPP non repris avant le {day}."
    ),
    "care.quoted.verify.glasses.before_tariffs": "Lunettes de {member} : tarifs de la LPP non repris avant le {day}.",
    "care.quoted.verify.glasses.class_a_lenses": (
        "Lunettes de {member} : part de la Sécurité sociale sur les verres de classe A non comptée (elle dépend de la "
        "correction) ; sans complémentaire, le reste à payer est un peu inférieur à celui affiché."
    ),
    "care.quoted.verify.no_quote.limit": (
        "{what} de {member} : pas encore de devis ; estimation sur le prix limite « 100 % Santé »."
    ),
    "care.quoted.verify.no_quote.usual": (
        "{what} de {member} : pas encore de devis ; estimation sur le haut de la fourchette usuelle."
    ),
    "care.quoted.verify.no_quote.none": "{what} de {member} : pas encore de devis ; montant non estimé.",
    "care.quoted.verify.alsace_moselle": (
        "{kind} de {member} : le régime local d'Alsace-Moselle rembourse davantage que le taux national appliqué ici "
        "(non modélisé) ; le reste à payer réel est plus bas."
    ),
    "care.quoted.verify.overseas": (
        "{kind} de {member} : les prix limites et bases majorés des départements d'outre-mer ne sont pas repris ; "
        "calcul fait avec les montants de métropole."
    ),
})
