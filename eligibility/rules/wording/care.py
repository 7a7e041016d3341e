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
TEMPLATES.update({
    # Out-of-pocket lines (``out_of_pocket.py``): labels, the rule of each line, the notes of its columns.
    "oop.service.psychiatric": "psychiatrie",
    "oop.service.home": "hospitalisation à domicile",
    "oop.service.hospital": "hôpital",
    "oop.length.day_case": "hospitalisation de jour",
    "oop.length.day": "{days} jour",
    "oop.length.days": "{days} jours",
    "oop.label.forfait": "Forfait journalier ({service}), {member}, {length}",
    "oop.label.single_room": "Chambre particulière, {member}, {length}",
    "oop.label.emergency": "Forfait patient urgences, {member}",
    "oop.label.consultation": "Consultation ({sector}), {member}",
    "oop.label.participation": "Participation forfaitaire sur la consultation, {member}",
    "oop.label.quoted": "{what}, {member}, {quote}",
    "oop.sector.sector_1": "secteur 1",
    "oop.sector.sector_2": "secteur 2",
    "oop.sector.optam": "secteur 2, Optam",
    "oop.quoted.basket.cent_pour_cent_sante": "100 % Santé",
    "oop.quoted.basket.tarifs_maitrises": "à tarif maîtrisé",
    "oop.quoted.basket.libre": "à tarif libre",
    "oop.quoted.crown": "Couronne {basket}",
    "oop.quoted.bridge": "Bridge {basket}",
    "oop.quoted.denture": "Dentier {basket}",
    "oop.quoted.hearing.one.class_1": "{units} aide auditive {basket} (classe I)",
    "oop.quoted.hearing.one.class_2": "{units} aide auditive {basket} (classe II)",
    "oop.quoted.hearing.many.class_1": "{units} aides auditives {basket} (classe I)",
    "oop.quoted.hearing.many.class_2": "{units} aides auditives {basket} (classe II)",
    "oop.quoted.glasses.class_a": "Lunettes {basket} (classe A)",
    "oop.quoted.glasses.class_b": "Lunettes {basket} (classe B)",
    "oop.quoted.quote": "devis de {amount}",
    "oop.quoted.without_quote": "sans devis",
    "oop.stay.day_case": "Entrée et sortie le même jour : pas de forfait journalier.",
    "oop.stay.dated": "{parts} (chaque jour à son tarif, jour de sortie compris).",
    "oop.stay.rate": "Tarif de {rate} par jour en vigueur à la date de la demande, jour de sortie compris.",
    "oop.single_room.rule": "Jamais remboursée par la Sécurité sociale.",
    "oop.emergency.rule": "Passage aux urgences non suivi d'une hospitalisation.",
    "oop.consultation.rule": "Tarif de base : consultation de médecin généraliste.",
    "oop.participation.rule": "Retenue sur le remboursement de la Sécurité sociale.",
    "oop.note.private": "Dépend de votre contrat : montant avant le remboursement de votre complémentaire.",
    "oop.note.paid_by_css": "Payé par la Complémentaire santé solidaire.",
    "oop.note.alsace_moselle": "Pris en charge par le régime local d'Alsace-Moselle.",
    "oop.note.forfait.private": (
        "Un contrat « responsable » doit le rembourser sans limite de durée : vérifiez votre contrat (montant avant "
        "son remboursement)."
    ),
    "oop.note.single_room.private": (
        "Certaines complémentaires la remboursent, en tout ou en partie : dépend de votre contrat."
    ),
    "oop.note.single_room.css": "La CSS ne paie pas la chambre particulière : une chambre double évite ce coût.",
    "oop.note.emergency.private": (
        "Les contrats « responsables » le remboursent : vérifiez votre contrat (montant avant son remboursement)."
    ),
    "oop.note.consultation.css": "Ticket modérateur payé par la CSS ; pas de dépassement d'honoraires.",
    "oop.note.consultation.private": (
        "Votre complémentaire rembourse en général le ticket modérateur, et parfois une partie des dépassements : "
        "dépend de votre contrat."
    ),
    "oop.note.consultation.ame": (
        "L'aide médicale de l'État paie le tarif de base en entier ; un dépassement reste à payer."
    ),
    "oop.participation.not_due": "Pas due : {exemption}.",
    "oop.note.participation.private": "Les contrats « responsables » ne la remboursent pas.",
    "oop.note.quoted.no_tariffs": "Tarifs de la Sécurité sociale non repris à cette date : au plus le montant du devis.",
    "oop.note.quoted.no_estimate": (
        "Montant non estimé sans devis : demandez un devis qui comprend l'offre « 100 % Santé »."
    ),
    "oop.note.at_least": "{note} Il restera au moins {amount}.",
    "oop.note.without_quote": "Sans devis : {advice} {note}",
    # The estimate as a whole.
    "oop.no_care": "Aucun soin prévu n'a été indiqué : pas d'estimation du reste à payer.",
    "oop.assumption.rates": "Estimation indicative avec les tarifs en vigueur le {day} (date de la demande).",
    "oop.assumption.stay_costs": (
        "Les frais du séjour lui-même (hors forfait journalier) sont remboursés au moins à 80 % par la Sécurité "
        "sociale ; le ticket modérateur ou la participation sur les actes coûteux peut rester à payer sans "
        "complémentaire (la CSS les prend en charge) : ils ne sont pas estimés ici, demandez une estimation à "
        "l'établissement."
    ),
    "oop.assumption.franchises": (
        "Les franchises médicales ({medicine} par boîte de médicament, {paramedical} par acte paramédical, "
        "{transport} par transport, {ceiling} par an au plus) ne sont pas comptées ; les bénéficiaires de la CSS, les "
        "moins de {age} ans et les femmes enceintes à partir du 6e mois n'en paient pas."
    ),
    "oop.total_current": "Reste à payer estimé avec votre couverture actuelle ({coverage}) : {total}.",
    "oop.total_current.upper": "Reste à payer estimé avec votre couverture actuelle ({coverage}) : au plus {total}.",
    "oop.total_with_css": "Avec la Complémentaire santé solidaire : {total}.",
    "oop.total_with_css.upper": "Avec la Complémentaire santé solidaire : au plus {total}.",
    "oop.assumption.css_pending": (
        "Votre demande de Complémentaire santé solidaire est en cours : tant qu'elle n'est pas accordée, vous payez "
        "comme sans complémentaire. Si les soins peuvent attendre la décision, la colonne « avec la CSS » montre ce "
        "qui resterait à payer ; en cas d'hospitalisation, les droits peuvent parfois commencer plus tôt : "
        "demandez-le à la caisse."
    ),
    "oop.assumption.private": (
        "Les garanties de votre complémentaire ne sont pas connues : la colonne « actuelle » montre ce qui reste "
        "avant son remboursement (au plus)."
    ),
    "oop.assumption.not_eligible": (
        "D'après cette simulation, le foyer n'a pas droit à la Complémentaire santé solidaire : pas de colonne "
        "« avec la CSS »."
    ),
    "oop.assumption.css_participation": (
        "La colonne « avec la CSS » ne compte pas la participation mensuelle de la CSS ({amount} par mois pour le "
        "foyer)."
    ),
    # Quotes to ask for before the care (checklist items ``quote_<n>``).
    "oop.quote.organism.hospitalisation": "Établissement de santé (bureau des admissions)",
    "oop.quote.organism.dental_prosthesis": "Chirurgien-dentiste",
    "oop.quote.organism.glasses": "Opticien",
    "oop.quote.organism.hearing_aids": "Audioprothésiste",
    "oop.quote.organism.consultation": "Médecin",
    "oop.quote.hospital.procedure": "Obtenir un devis pour le séjour à l'hôpital de {member} ({days} jours)",
    "oop.quote.hospital.how": (
        "Demandez une estimation écrite des frais : forfait journalier, chambre particulière, dépassements "
        "d'honoraires éventuels. Signalez votre complémentaire ou votre CSS pour ne pas avancer les frais."
    ),
    "oop.quote.consultation.procedure": "Obtenir un devis pour la consultation de {member}",
    "oop.quote.consultation.how": "Demandez au médecin le montant du dépassement d'honoraires avant la consultation.",
    "oop.quote.care.procedure": "Obtenir un devis pour {kind}{basket} de {member}",
    "oop.quote.care.how": (
        "Le professionnel doit vous proposer un devis « 100 % Santé » (sans reste à payer avec une complémentaire "
        "responsable ou la CSS).{two_quotes}"
    ),
    "oop.quote.care.two_quotes": " Demandez deux devis de professionnels différents pour l'aide de la CPAM.",
    "oop.quote.basket.cent_pour_cent_sante": "100 % Santé",
    "oop.quote.basket.other": "hors 100 % Santé",
    "oop.quote.documents.vitale": "Carte Vitale",
    "oop.quote.documents.css_certificate": "Attestation de Complémentaire santé solidaire",
    "oop.quote.documents.complementary_card": "Carte de complémentaire santé",
    "oop.quote.documents.hospital_prescription": "Bulletin ou prescription d'hospitalisation",
    "oop.quote.documents.prescription": "Ordonnance",
    "oop.quote.help": "Votre complémentaire santé peut chiffrer son remboursement à partir du devis.",
    "checklist.quote": "Un devis permet de connaître le reste à payer et de demander une aide.",
})
TEMPLATES.update({
    # "To verify" notes of the care rules, for professionals (``to_verify``).
    "care.verify.consultation.ald": (
        "Consultation de {member} : si elle concerne son affection de longue durée (ALD), la Sécurité sociale la "
        "rembourse à 100 % du tarif de base (estimation faite au taux habituel)."
    ),
    "care.verify.consultation.sector_1_fee": (
        "Consultation de {member} : un médecin de secteur 1 applique le tarif de la Sécurité sociale ; un montant "
        "supérieur à {tariff} correspond sans doute à un spécialiste dont le tarif de base est plus élevé "
        "(remboursement alors plus élevé que celui estimé)."
    ),
    "care.verify.consultation.sector_2_base": (
        "Consultation de {member} : pour un médecin de secteur 2 non adhérent à l'Optam, la base de remboursement "
        "peut être plus basse que le tarif retenu."
    ),
    "care.verify.emergency.before_flat_fee": (
        "Passage aux urgences de {member} : ticket modérateur non estimé (avant le forfait patient urgences)."
    ),
    "care.verify.emergency.incapacity": (
        "Urgences de {member} : avec un taux d'incapacité d'au moins deux tiers (accident du travail), le forfait "
        "n'est pas dû du tout."
    ),
    "care.verify.emergency.rate_change": "Urgences de {member} : date du passage par rapport au {day}.",
    "care.verify.hospital.rate_change": "Hospitalisation de {member} : dates du séjour par rapport au {day}.",
    "care.verify.hospital.work_accident": (
        "Hospitalisation de {member} : l'exonération pour accident du travail suppose que le séjour soit lié à "
        "l'accident ou à la maladie professionnelle."
    ),
    "care.verify.hospital.maternity": (
        "Hospitalisation de {member} : la période de maternité est estimée à partir de la date prévue "
        "d'accouchement et de la date de la demande ; elle dépend des dates réelles du séjour."
    ),
    "care.verify.ame_prior_agreement": (
        "AME : les soins programmés non urgents soumis à accord préalable (et la durée d'AME requise) ne sont pas "
        "modélisés ; vérifier auprès de la caisse."
    ),
    "care.verify.renewal_refused": (
        "Prolongation d'un an du contrat après un refus de renouvellement de la CSS : décrite par la source (fiche "
        "grand public) ; l'article du code de la sécurité sociale n'a pas été relu."
    ),
    "oop.verify.stay_costs": (
        "Frais de séjour hospitalier (ticket modérateur, actes coûteux) non estimés : demandez un devis à "
        "l'établissement."
    ),
    "oop.verify.private": (
        "Garanties de votre complémentaire santé (mutuelle) : consultez votre tableau de garanties ou demandez-lui un "
        "devis de remboursement."
    ),
})
