"""French templates of the other aids: CPAM aid (``cpam_aid.py``), Help (``help_independants.py``), local aid
(``local_aid.py``) and the guidance aid (``guidance_aid.py``)."""

TEMPLATES: dict[str, str] = {
    # CPAM aid (action sanitaire et sociale, L262-1 and the CPAM's own rules).
    "cpam.ceiling.default": (
        "Plafond utilisé : {ceiling} par an pour le foyer ({basis}). C'est une hypothèse indicative : il n'y a pas "
        "de plafond national, chaque CPAM fixe le sien."
    ),
    "cpam.ceiling.local": "Plafond utilisé : {ceiling} par an pour le foyer ({label} : {basis}).{notes}",
    "cpam.need.care_left.at_most": "Les soins prévus laissent au plus {left} à payer.",
    "cpam.need.care_left.about": "Les soins prévus laissent environ {left} à payer.",
    "cpam.need.care_left.at_most.with_css": "Les soins prévus laissent au plus {left} à payer même avec la CSS.",
    "cpam.need.care_left.about.with_css": "Les soins prévus laissent environ {left} à payer même avec la CSS.",
    "cpam.need.care_left.css_covers": (
        "Les soins prévus laissent {left} à payer aujourd'hui, mais rien avec la CSS : demandez d'abord la CSS."
    ),
    "cpam.need.costly_care": "Vous signalez des soins coûteux mal remboursés (joignez un devis à la demande).",
    "cpam.need.premium.css_first": (
        "La Complémentaire santé solidaire, à laquelle le foyer semble avoir droit, remplace une mutuelle payante : "
        "demandez-la d'abord."
    ),
    "cpam.need.premium.too_high": (
        "Vous signalez une cotisation de complémentaire santé trop chère : certaines CPAM aident à la payer."
    ),
    "cpam.need.premium.none": "Le foyer n'a pas de complémentaire santé : certaines CPAM aident à en payer une.",
    "cpam.need.difficulty": "Vous signalez : {difficulty}.",
    "cpam.need": "{category} : {need}",
    "cpam.over_ceiling": (
        "Les ressources du foyer ({resources} par an) dépassent le plafond utilisé ({ceiling}) de {excess} : une "
        "aide est peu probable, la commission peut toutefois tenir compte d'une situation particulière."
    ),
    "cpam.css_first": (
        "Ressources sous le plafond ({resources} pour {ceiling}), mais le foyer semble avoir droit à la "
        "Complémentaire santé solidaire : demandez-la d'abord, puis demandez l'aide de la CPAM pour ce qui resterait "
        "à payer."
    ),
    "cpam.likely": (
        "Ressources sous le plafond ({resources} pour {ceiling}) et besoin couvert par ces aides : une demande a de "
        "bonnes chances d'être étudiée favorablement."
    ),
    'cpam.no_need': "Aucun besoin couvert par ces aides n'est indiqué (soins restant à payer, complémentaire, baisse de revenus due à la santé, aide à domicile, maintien dans l'emploi, adaptation du logement).",
    'cpam.css_covers': "La Complémentaire santé solidaire répondrait à vos besoins : demandez-la d'abord ; la CPAM ne l'aide pas à la place de la CSS.",
    'cpam.discretionary': 'Cette aide est facultative : une commission de la CPAM décide selon son budget et son règlement ; un refus ne peut pas être contesté.',
    'cpam.quotes': "Joignez un devis, pas une facture (deux devis pour l'optique, le dentaire et les aides auditives), et faites la demande avant les soins. L'aide peut être versée à vous ou directement au professionnel.",
}
TEMPLATES.update({
    # Help, for self-employed workers in difficulty (Urssaf, Caf, Assurance retraite, Assurance Maladie).
    "help.not_self_employed": (
        "Le dispositif Help s'adresse aux travailleurs indépendants (artisans, commerçants, professions libérales, "
        "micro-entrepreneurs) : personne dans le foyer n'est déclaré indépendant.{check}"
    ),
    "help.not_self_employed.check": (
        " Des difficultés d'indépendant sont pourtant indiquées : vérifiez l'activité déclarée."
    ),
    "help.no_difficulty": (
        "Un membre du foyer est indépendant, mais aucune difficulté d'indépendant n'est indiquée (cotisations "
        "impayées, difficultés financières, problème de santé, difficulté familiale ou sociale) : le dispositif Help "
        "n'est pas utile pour l'instant."
    ),
    "help.relevant": (
        "Un membre du foyer est travailleur indépendant et signale : {difficulties}. Le dispositif Help coordonne "
        "l'Urssaf, la Caf, l'Assurance retraite et l'Assurance Maladie pour l'aider."
    ),
    "help.bodies": "Organismes concernés par ces difficultés : {bodies}.",
    "help.cpam": (
        "L'Assurance Maladie étudie aussi l'accès aux soins : Complémentaire santé solidaire et aides financières de "
        "la CPAM (voir plus haut)."
    ),
    "help.step.questionnaire": (
        "Remplissez le questionnaire unique en ligne sur urssaf.fr (dispositif Help) : il est transmis à l'Urssaf, à "
        "la Caf, à l'Assurance retraite et à l'Assurance Maladie."
    ),
    "help.step.study": (
        "L'organisme compétent pour chaque difficulté étudie votre situation localement et décide des actions "
        "(échéancier, ajustement des cotisations, aides de l'action sociale, réexamen de vos droits)."
    ),
    "help.step.informed": "Vous êtes informé(e) par courriel à chaque étape du traitement de votre demande.",
    # Optional aid of the département or the CCAS.
    "local_aid.not_needed": (
        "Rien ne reste à payer pour les soins indiqués : pas de demande d'aide locale à prévoir pour l'instant."
    ),
    "local_aid.ask_locally": (
        "Les départements et les CCAS peuvent accorder des aides facultatives pour les frais de santé, selon leurs "
        "propres règles : aucune condition n'est connue ici pour {where}. Renseignez-vous auprès du CCAS de votre "
        "commune et du service social du département."
    ),
    "local_aid.the_department": "le département {department}",
    "local_aid.your_department": "votre département",
    "local_aid.terms": "{name} ({department}) : aide facultative du département, accordée selon son règlement.",
    "local_aid.ceiling.under": (
        "Ressources du foyer ({resources}) sous le plafond de {ceiling} par an ({one_person} pour une personne, "
        "multiplié comme le plafond de la CSS)."
    ),
    "local_aid.ceiling.over": (
        "Ressources du foyer ({resources}) au-dessus du plafond de {ceiling} par an ({one_person} pour une personne, "
        "multiplié comme le plafond de la CSS)."
    ),
})
TEMPLATES.update({
    "local_aid.ccas": "CCAS (centre communal d'action sociale) de votre commune",
    "local_aid.ccas.how": (
        "À la mairie ou au CCAS : demandez s'il existe une aide pour les frais de santé ou pour la cotisation d'une "
        "complémentaire, et ses conditions."
    ),
    "local_aid.department_service": "Service social du conseil départemental{department}",
    "local_aid.department_service.how": (
        "À la maison des solidarités ou au service social de votre secteur : demandez quelles aides le règlement "
        "départemental d'aide sociale prévoit pour les frais de santé."
    ),
})
TEMPLATES.update({
    # CPAM aid: how the ceiling is set (``CpamAidSettings.basis``), and the notes for professionals.
    "cpam.ceiling.label.default": "Plafond indicatif national (hypothèse, pas de chiffre officiel)",
    "cpam.ceiling.basis.css_participation": "plafond de la Complémentaire santé solidaire avec participation du foyer",
    "cpam.ceiling.basis.ratio": "{ratio} × le plafond de la CSS avec participation du foyer",
    "cpam.ceiling.basis.one_person": (
        "{ceiling} par an pour une personne, adapté à la taille du foyer comme le plafond de la CSS"
    ),
    "cpam.to_verify.ask_ceiling": (
        "Plafond de ressources des aides financières de votre CPAM : demandez-le à votre caisse (36 46)."
    ),
    "cpam.to_verify.other_department": (
        "Le plafond utilisé est celui du département {ceiling_department}, le foyer habite le {department}."
    ),
    "cpam.to_verify.resources": (
        "Ressources comparées au plafond : celles retenues pour la CSS (12 mois) ; chaque CPAM les apprécie selon son "
        "propre règlement."
    ),
    # Help: the bodies and what each can do (legal-rules §8).
    "help.body.urssaf": "Urssaf",
    "help.body.caf": "Caf",
    "help.body.cpam": "Assurance Maladie (CPAM)",
    "help.body.retirement.overseas": "Assurance retraite (caisse générale de sécurité sociale de votre département)",
    "help.body.retirement.unknown": "Assurance retraite (Carsat de votre région, Cramif en Île-de-France)",
    "help.body.retirement.cramif": "Assurance retraite (Cramif, Île-de-France)",
    "help.body.retirement.carsat": "Assurance retraite (Carsat de votre région)",
    "help.action.payment_plan": "Délais de paiement (échéancier) pour les cotisations dues",
    "help.action.cpsti_contributions": (
        "Aide de l'action sociale du CPSTI aux cotisants en difficulté : prise en charge de tout ou partie des "
        "cotisations"
    ),
    "help.action.adjust_contributions": "Ajustement des cotisations provisionnelles à vos revenus réels",
    "help.action.cpsti_exceptional": "Aide financière exceptionnelle de l'action sociale du CPSTI",
    "help.action.caf_review": (
        "Réexamen de vos droits (RSA, prime d'activité, aides au logement, prestations familiales)"
    ),
    "help.action.css_review": "Étude de vos droits à la Complémentaire santé solidaire",
    "help.action.care_access": (
        "Accès aux soins : Complémentaire santé solidaire et aides financières individuelles de la CPAM"
    ),
    "help.action.daily_allowance": "Indemnités journalières en cas d'arrêt de travail",
    "help.action.payment_plan_illness": (
        "Délais de paiement ou aide du CPSTI si la maladie empêche de payer les cotisations"
    ),
    "help.action.caf_social": (
        "Réexamen de vos droits aux prestations familiales et sociales, accompagnement social"
    ),
    "help.action.retirement": "Étude de vos droits à la retraite et des démarches à faire",
    "help.action.care_access_short": "Accès aux soins : Complémentaire santé solidaire et aides de la CPAM",
    "help.to_verify.no_self_employment": (
        "Difficultés d'indépendant déclarées sans activité ni revenu d'indépendant dans le foyer."
    ),
    # Local aid: note for professionals.
    "local_aid.to_verify.counted_as_css": (
        "{name} : ressources et foyer comptés comme pour la CSS ; le département peut les compter autrement."
    ),
})
