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
