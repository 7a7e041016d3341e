"""French templates (see ``eligibility/rules/wording``)."""

TEMPLATES: dict[str, str] = {}
TEMPLATES.update({
    # Shared by the care rules (``care/common.py``).
    "care.maternity": (
        "{what} : à la date de la demande, {member} est dans la période couverte par l'assurance maternité (du 6e "
        "mois de grossesse à {days_after} jours après l'accouchement ; avec un terme prévu le {due}, nous l'estimons "
        "du {start} au {end})."
    ),
    "care.exemption.newborn": "Nouveau-né de moins de {days} jours",
    "care.exemption.maternity": (
        "Maternité (à partir du 6e mois de grossesse jusqu'à {days_after} jours après l'accouchement)"
    ),
    "care.exemption.maternity_insurance": (
        "Assurance maternité (à partir du 6e mois de grossesse jusqu'à {days_after} jours après l'accouchement)"
    ),
    # Hospital stays (L174-4).
    "care.hospital.not_due": "Forfait journalier non dû",
    "care.hospital.psychiatric": "en psychiatrie",
    "care.hospital.not_psychiatric": "hors psychiatrie",
    "care.stay.one_day": "le {day} : 1 jour × {rate} = {amount}",
    "care.stay.days": "du {first_day} au {last_day} : {days} jours × {rate} = {amount}",
    "care.hospital.rate.dated": (
        "Forfait journalier {service}, chaque jour du séjour facturé au tarif en vigueur ce jour-là, jour de sortie "
        "compris : {parts}. Total : {total}.{changes}"
    ),
    "care.hospital.rate.changes": " Le tarif change pendant le séjour : chaque jour est compté à son tarif.",
    "care.hospital.rate.day": (
        "Forfait journalier {service} : {rate} par jour, tarif en vigueur le {request_day} (date de la demande). "
        "Chaque jour est facturé, jour de sortie compris : {days} jour × {rate} = {total}."
    ),
    "care.hospital.rate.days": (
        "Forfait journalier {service} : {rate} par jour, tarif en vigueur le {request_day} (date de la demande). "
        "Chaque jour est facturé, jour de sortie compris : {days} jours × {rate} = {total}."
    ),
    "care.hospital.rate_change": (
        "Le forfait journalier {service} passe à {rate} le {day} : les jours d'hospitalisation à partir de cette "
        "date seront facturés au nouveau tarif. L'estimation utilise le tarif en vigueur à la date de la demande, "
        "faute de connaître les dates du séjour."
    ),
    "care.hospital.exempt.day_case": (
        "Hospitalisation de jour (entrée et sortie le même jour, sans nuit) : pas de forfait journalier. Sans "
        "complémentaire, le ticket modérateur ou la participation sur les actes coûteux peut rester à payer."
    ),
    "care.hospital.exempt.home_hospitalisation": "Hospitalisation à domicile : le forfait journalier n'est pas dû.",
    "care.hospital.exempt.work_accident": (
        "Accident du travail ou maladie professionnelle : le forfait journalier n'est pas dû, à condition que "
        "l'hospitalisation soit liée à cet accident ou à cette maladie."
    ),
    "care.hospital.exempt.newborn": (
        "Nouveau-né de {age} jours à la date de la demande : pas de forfait journalier pendant les {days} premiers "
        "jours de vie."
    ),
    "care.hospital.exempt.military_pension": (
        "Titulaire d'une pension militaire d'invalidité : le forfait journalier n'est pas dû."
    ),
    "care.hospital.exempt.aeeh_child": (
        "Enfant bénéficiaire de l'allocation d'éducation de l'enfant handicapé (AEEH) : le forfait journalier n'est "
        "pas dû."
    ),
    "care.hospital.exempt.organ_donor": (
        "Donneur ou donneuse d'organes : le forfait journalier n'est pas dû pour le séjour lié au don."
    ),
    "care.hospital.exempt.terrorism_victim": (
        "Victime d'un acte de terrorisme : le forfait journalier n'est pas dû pour les soins liés à l'attentat."
    ),
    "care.hospital.exempt.alsace_moselle": "Régime local d'Alsace-Moselle : il prend en charge le forfait journalier.",
    "care.hospital.exempt.ame": (
        "Avec l'aide médicale de l'État, le forfait journalier est pris en charge : rien à payer."
    ),
    "care.hospital.exempt.css": (
        "Avec la Complémentaire santé solidaire, le forfait journalier est payé par la CSS, sans limite de durée : "
        "rien à avancer."
    ),
    "care.hospital.single_room": (
        "Chambre particulière : {daily} par jour × {days} = {total}. La Sécurité sociale ne la rembourse jamais ; "
        "une complémentaire peut la prendre en charge selon le contrat."
    ),
})
TEMPLATES.update({
    # Emergency visits (L160-13).
    "care.emergency.not_in_force": (
        "Le forfait patient urgences n'existe qu'à partir du {day} : avant, un ticket modérateur s'appliquait aux "
        "soins des urgences (non estimé ici)."
    ),
    "care.emergency.reduced.ald": "affection de longue durée (ALD)",
    "care.emergency.reduced.work_accident": "accident du travail ou maladie professionnelle",
    "care.emergency.reduced.work_accident_under_two_thirds": (
        "accident du travail ou maladie professionnelle avec une incapacité de moins des deux tiers"
    ),
    "care.emergency.reduced": (
        "Forfait patient urgences au montant minoré de {rate} (au lieu de {full}) pour : {reduced_for}. Il est dû "
        "pour un passage aux urgences non suivi d'une hospitalisation."
    ),
    "care.emergency.rate": (
        "Forfait patient urgences : {rate} pour un passage aux urgences non suivi d'une hospitalisation (tarif en "
        "vigueur le {request_day})."
    ),
    "care.emergency.rate_change": (
        "Ce forfait passe à {rate} le {day} : un passage aux urgences à partir de cette date sera facturé au nouveau "
        "montant."
    ),
    "care.emergency.not_due": "Forfait patient urgences non dû",
    "care.emergency.exempt.newborn": (
        "Nouveau-né de {age} jours : pas de forfait patient urgences pendant les {days} premiers jours de vie."
    ),
    'care.emergency.exempt.military_pension': "Titulaire d'une pension militaire d'invalidité : le forfait patient urgences n'est pas dû.",
    'care.emergency.exempt.invalidity_pension': "Titulaire d'une pension d'invalidité : le forfait patient urgences n'est pas dû.",
    'care.emergency.exempt.work_accident': "Accident du travail ou maladie professionnelle avec une incapacité permanente de deux tiers ou plus : le forfait patient urgences n'est pas dû.",
    'care.emergency.exempt.organ_donor': "Donneur ou donneuse d'organes : le forfait patient urgences n'est pas dû pour les soins liés au don.",
    'care.emergency.exempt.terrorism_victim': "Victime d'un acte de terrorisme : le forfait patient urgences n'est pas dû.",
    'care.emergency.exempt.sexual_violence_minor': "Mineur victime de violences sexuelles : le forfait patient urgences n'est pas dû.",
    'care.emergency.exempt.css': 'Avec la Complémentaire santé solidaire, le forfait patient urgences est payé par la CSS : rien à payer.',
    'care.emergency.exempt.ame': "Avec l'aide médicale de l'État, le forfait patient urgences est pris en charge : rien à payer.",
})
TEMPLATES.update({
    # Consultations (L160-13, L162-5).
    "care.consultation.maternity_full": "Consultation remboursée à 100 % du tarif de base",
    "care.consultation.reimbursement": "La Sécurité sociale rembourse {rate} du tarif de base ({base}), soit {paid}.",
    "care.consultation.base": (
        "Tarif de base retenu : celui d'une consultation de médecin généraliste, {tariff} (au plus le montant payé)."
    ),
    "care.consultation.excess_fees": (
        "Médecin {sector} : le dépassement d'honoraires ({excess}) n'est pas remboursé par la Sécurité sociale ; une "
        "complémentaire peut en rembourser une partie selon le contrat (mieux avec un médecin adhérent à l'Optam)."
    ),
    "care.consultation.css_no_excess": (
        "Avec la Complémentaire santé solidaire, le médecin ne peut pas facturer de dépassement d'honoraires : il "
        "applique le tarif de base ({base}), pris en charge en totalité."
    ),
    "care.exemption.under_age": "Moins de {age} ans",
    "care.participation.exempt": "Pas de participation forfaitaire ({amount}) : {exemption}.",
    "care.participation.due": (
        "Participation forfaitaire : {amount} retenus sur le remboursement (au plus {daily} par jour et {yearly} par "
        "an et par personne).{reached}"
    ),
    "care.participation.ceiling_reached": " Le plafond annuel est atteint par les consultations prévues.",
})
TEMPLATES.update({
    # Guidance (``care/guidance.py``): each item ``code`` has ``guidance.<code>.title`` and ``.text``.
    "guidance.outside.ceam.title": "Carte européenne d'assurance maladie (CEAM)",
    "guidance.outside.ceam.text": (
        "Pendant un séjour temporaire, vos soins médicalement nécessaires sont pris en charge comme ceux d'un assuré "
        "français : même remboursement, même reste à payer (forfait journalier compris). Présentez la carte à "
        "l'admission ; sans elle, demandez à votre caisse un certificat provisoire de remplacement. Si vous avez "
        "payé, demandez le remboursement à la {caisse} du lieu de séjour ou à votre caisse à votre retour."
    ),
    "guidance.outside.ceam.where": "Bureau des admissions de l'hôpital ; {caisse}",
    "guidance.outside.agreement.title": "Pays lié à la France par un accord de sécurité sociale",
    "guidance.outside.agreement.text": (
        "Certains accords bilatéraux couvrent les soins pendant un séjour en France, d'autres seulement les "
        "travailleurs et leur famille. Demandez à votre caisse, avant le départ, le formulaire de droits prévu par "
        "l'accord et présentez-le à l'admission : sans lui, les soins sont à payer. Le CLEISS publie la liste des "
        "accords et ce que chacun couvre."
    ),
    "guidance.outside.agreement.where": (
        "Votre caisse d'assurance maladie à l'étranger ; à l'hôpital, le bureau des admissions"
    ),
    "guidance.outside.no_agreement.title": "Assuré(e) dans un pays sans accord avec la France",
    "guidance.outside.no_agreement.text": (
        "Les soins sont à payer au tarif de l'établissement : demandez un devis avant les soins programmés et "
        "vérifiez votre assurance voyage ou votre assurance à l'étranger. Si vous ne pouvez pas payer, la permanence "
        "d'accès aux soins de santé (PASS) de l'hôpital et son service social peuvent vous aider."
    ),
    "guidance.outside.no_agreement.where": "Bureau des admissions et service social de l'hôpital",
    "guidance.outside.puma.title": "Protection universelle maladie",
    "guidance.outside.puma.later": (
        "Après {months} mois de résidence stable et régulière en France, vous aurez droit à l'Assurance maladie "
        "(protection universelle maladie)."
    ),
    "guidance.outside.puma.if_regular": (
        "Si vous résidez en France de façon régulière (avec un titre de séjour) depuis plus de {months} mois, vous "
        "avez droit à l'Assurance maladie (protection universelle maladie)."
    ),
    "guidance.outside.puma.entitled": (
        "Vous résidez en France de façon stable et régulière depuis plus de {months} mois : vous avez droit à "
        "l'Assurance maladie (protection universelle maladie)."
    ),
    "guidance.outside.puma.text": (
        "{start} Demandez votre affiliation à la {caisse} ; avec de faibles ressources, demandez en même temps la "
        "Complémentaire santé solidaire."
    ),
    "guidance.outside.ame.title": "Aide médicale de l'État (AME)",
    "guidance.outside.ame.ceiling": " (plafond de {ceiling} par an pour votre foyer)",
    "guidance.outside.ame.text": (
        "Sans titre de séjour, après plus de {months} mois de présence ininterrompue en France et avec des "
        "ressources sous le plafond de la CSS gratuite{ceiling}, l'aide médicale de l'État (AME) prend en charge vos "
        "soins au tarif de la Sécurité sociale, sans avance de frais, forfait journalier compris. Déposez la demande "
        "à la {caisse} de votre domicile ou de votre domiciliation."
    ),
    "guidance.outside.ame.text.too_early": (
        "L'aide médicale de l'État (AME) demande plus de {months} mois de présence ininterrompue en France : en "
        "attendant, les soins urgents sont pris en charge (voir ci-dessous)."
    ),
    "guidance.outside.ame.text.over_ceiling": (
        "Vos ressources dépassent le plafond de l'aide médicale de l'État (celui de la CSS gratuite) : l'AME ne "
        "devrait pas être accordée ; les soins urgents restent pris en charge."
    ),
    "guidance.outside.urgent_care.title": "Soins urgents",
    "guidance.outside.urgent_care.text": (
        "Si vous n'avez pas (encore) droit à l'AME, l'hôpital prend en charge les soins urgents dont l'absence "
        "mettrait votre vie en danger ou altérerait gravement et durablement votre santé, ainsi que les soins de "
        "grossesse et ceux des enfants : l'hôpital les facture à l'État, pas à vous."
    ),
    "guidance.where.hospital_social_service": "Service social de l'hôpital",
    "guidance.outside.pass.title": "Permanence d'accès aux soins de santé (PASS)",
    "guidance.outside.pass.text": (
        "Dans les hôpitaux publics, la PASS reçoit toute personne sans couverture complète : consultations, "
        "médicaments, et aide pour ouvrir vos droits. Le service social de l'hôpital vous y oriente."
    ),
    "guidance.outside.pass.where": "PASS et service social de l'hôpital le plus proche",
    "guidance.outside.ame_holder.title": "Avec l'aide médicale de l'État",
    "guidance.outside.ame_holder.text": (
        "L'AME prend en charge vos soins au tarif de la Sécurité sociale, sans avance de frais, forfait journalier et "
        "forfait urgences compris ; elle ne paie pas ce qui dépasse ce tarif (prothèses dentaires, lunettes, aides "
        "auditives au-delà de la base). Certains soins programmés non urgents demandent un accord préalable de la "
        "{caisse}. Pensez à la renouveler chaque année."
    ),
    "guidance.pay.source": "Les options de paiement d'un reste à charge",
    "guidance.pay.quote.title": "Demander un devis avant les soins",
    "guidance.pay.quote.text": (
        "Avant une hospitalisation programmée ou une prothèse, demandez un devis détaillé, avec les suppléments "
        "(chambre particulière, dépassements) : il permet de connaître le reste à payer et de demander une aide."
    ),
    "guidance.pay.quote.where": "Bureau des admissions de l'établissement, ou le professionnel",
    "guidance.pay.instalments.title": "Payer en plusieurs fois",
    "guidance.pay.instalments.text": (
        "Demandez un échéancier au service administratif (bureau des frais de séjour) de l'établissement, de "
        "préférence avant l'admission ou dès réception de la facture."
    ),
    "guidance.pay.instalments.where": "Service des frais de séjour de l'établissement",
    "guidance.pay.check_complementary.title": "Vérifier votre complémentaire avant l'admission",
    "guidance.pay.check_complementary.text": (
        "Envoyez le devis à votre complémentaire : elle vous dit ce qu'elle rembourse et peut faire une prise en "
        "charge directe avec l'établissement, pour ne pas avancer les frais."
    ),
    "guidance.pay.check_complementary.where": "Votre complémentaire santé",
    "guidance.pay.local_aid.title": "Demander une aide si le reste à payer est élevé",
    "guidance.pay.local_aid.text": (
        "La {caisse} (action sanitaire et sociale), le CCAS de votre commune, le département ou une association "
        "peuvent aider à payer des soins mal remboursés : joignez le devis, vos ressources et un courrier qui "
        "explique votre situation."
    ),
    "guidance.pay.local_aid.where": "{caisse}, CCAS de la mairie, service social du département",
    "guidance.leave.renewal_refused.title": "Si le renouvellement de la CSS est refusé",
    "guidance.leave.renewal_refused.text": (
        "D'après vos ressources, le renouvellement de votre CSS serait refusé. Si elle était gérée par une mutuelle "
        "ou un autre organisme complémentaire, celui-ci doit vous proposer un an de prolongation : même organisme, "
        "mêmes garanties, cotisation à tarif privilégié. Si vous payiez une participation, la part des soins prise "
        "en charge par l'Assurance maladie reste sans avance de frais pendant un an, sur présentation de "
        "l'attestation que la {caisse} vous enverra. Vous pouvez aussi contester le refus devant la commission de "
        "recours amiable dans les deux mois."
    ),
    "guidance.leave.renewal_refused.where": "L'organisme qui gère votre CSS ; {caisse}",
    "guidance.leave.choose_complementary.title": "Choisir une complémentaire santé",
    "guidance.leave.choose_complementary.text": (
        "Comparez plusieurs offres{focus} : les remboursements de l'optique, du dentaire et des aides auditives ; "
        "les plafonds par an et par acte ; les franchises et délais de carence (période pendant laquelle le contrat "
        "ne rembourse pas encore). Préférez un contrat « responsable » : il rembourse entièrement l'offre « 100 % "
        "Santé » (lunettes, prothèses dentaires, aides auditives)."
    ),
    "guidance.leave.choose_complementary.focus": ", en particulier pour les soins que vous prévoyez",
    "guidance.leave.choose_complementary.where": (
        "Mutuelles, assurances et institutions de prévoyance ; un comparateur ou une association"
    ),
    "guidance.leave.premium_aid.title": "Aide de l'Assurance maladie pour payer la cotisation",
    "guidance.leave.premium_aid.text": (
        "Avec des revenus modestes, la {caisse} peut vous aider à financer une complémentaire santé (action sanitaire "
        "et sociale). L'aide est facultative et dépend du budget de la caisse : demandez-la avec un devis de "
        "cotisation."
    ),
    "guidance.leave.premium_aid.where": "{caisse} (compte ameli, 36 46)",
    # Documents the guidance asks for.
    "guidance.documents.ceam": "Carte européenne d'assurance maladie (ou certificat provisoire de remplacement)",
    "guidance.documents.identity": "Pièce d'identité",
    "guidance.documents.agreement_form": "Formulaire de droits de l'accord bilatéral",
    "guidance.documents.quote": "Devis de l'établissement",
    "guidance.documents.foreign_insurance": "Attestation de votre assurance (voyage ou étrangère)",
    "guidance.documents.residence_permit": "Pièce d'identité et titre de séjour",
    "guidance.documents.domicile": "Justificatif de domicile ou de domiciliation",
    "guidance.documents.three_months": "Justificatif de résidence depuis plus de trois mois",
    "guidance.documents.presence": "Justificatif de présence en France depuis plus de trois mois",
    "guidance.documents.domicile_or_domiciliation": "Justificatif de domicile ou attestation de domiciliation",
    "guidance.documents.resources": "Justificatifs de ressources",
    "guidance.documents.identity_if_any": "Pièce d'identité si vous en avez une",
    "guidance.documents.any_document": "Tout document sur votre situation",
    "guidance.documents.quote_or_invoice": "Devis ou facture",
    "guidance.documents.quote_only": "Devis",
    "guidance.documents.third_party_card": "Carte de tiers payant",
    "guidance.documents.resources_three_months": "Justificatifs de ressources des trois derniers mois",
    "guidance.documents.domicile_proof": "Justificatif de domicile",
    "guidance.documents.end_of_rights": "Attestation de fin de droits de la caisse",
    "guidance.documents.premium_quote": "Devis ou échéancier de cotisation",
})
TEMPLATES.update({
    # Out-of-pocket lines (``out_of_pocket.py``).
    "oop.not_due": "Pas dû : {exemption}.",
    "oop.not_in_force": "{label}.",
})
