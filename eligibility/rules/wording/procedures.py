"""French templates of the checklist (``checklist.py`` and each aid's items): procedures, documents, delays."""

TEMPLATES: dict[str, str] = {
    # Shared by the items (``checklist.py``).
    "checklist.help_general": (
        "CCAS (centre communal d'action sociale) de votre commune, France services, ou l'Assurance Maladie au 36 46."
    ),
    "checklist.ameli": "En ligne : compte ameli, rubrique « Mes démarches ».",
    "checklist.member": "{id} ({role})",
    # Documents of the CSS request (``css/procedure.py``).
    "checklist.documents.joint": " (l'avis commun suffit si vous déclarez vos revenus ensemble)",
    "checklist.documents.tax_notice_self_employed": (
        "Dernier avis d'imposition de {member}, avec ses revenus d'activité indépendante{joint}"
    ),
    "checklist.documents.tax_notice": (
        "Dernier avis d'imposition (ou avis de situation déclarative, ASDIR) de {member}{joint}"
    ),
    "checklist.documents.unemployment": "Attestations de paiement de France Travail (allocations chômage, ASS)",
    "checklist.documents.daily_allowance": "Relevés des indemnités journalières (compte ameli)",
    "checklist.documents.pension": "Relevés de retraite ou de pension d'invalidité",
    "checklist.documents.minimum_benefits": "Attestations de paiement de l'AAH, de l'ASPA ou de l'ASI",
    "checklist.documents.alimony_received": "Justificatifs des pensions alimentaires reçues",
    "checklist.documents.alimony_paid": (
        "Justificatifs des pensions alimentaires versées (jugement, relevés de virement)"
    ),
    "checklist.documents.resources": "{what} de {ids}, pour les {months} mois de la période de référence",
    "checklist.documents.rsa": "Attestation de paiement du RSA (Caf ou MSA)",
    "checklist.documents.housing_aid": (
        "Attestation de la Caf ou de la MSA indiquant le montant de l'aide au logement ({amount} par mois déclarés)"
    ),
    "checklist.documents.property_tax": (
        "Avis de taxe foncière si vous possédez un bien immobilier non loué autre que votre logement"
    ),
    "checklist.documents.abroad": (
        "Si un membre du foyer a vécu à l'étranger au cours des 12 derniers mois : ses documents fiscaux et sociaux "
        "de ce pays (revenus perçus)"
    ),
    "checklist.documents.identity": "Pièce d'identité ou titre de séjour de {members}",
    "checklist.documents.domiciliation": "Attestation d'élection de domicile (CCAS ou association agréée)",
    "checklist.documents.hosting": (
        "Attestation d'hébergement signée par la personne qui vous héberge, avec son justificatif de domicile"
    ),
    "checklist.documents.residence": "Justificatif de résidence en France (quittance de loyer, facture d'énergie…)",
    "checklist.documents.bank_details_participation": (
        "RIB (relevé d'identité bancaire) pour le prélèvement de la participation mensuelle"
    ),
    "checklist.documents.decision": "Copie de la décision contestée",
    "checklist.documents.supporting": "Justificatifs à l'appui de votre demande",
    # The CSS request or renewal, and the appeal.
    "checklist.css.organism": "Assurance Maladie (CPAM, ou votre caisse : MSA…)",
    "checklist.css.appeal": (
        "En cas de refus ou de désaccord : recours auprès de la commission de recours amiable de la caisse dans les "
        "{months} mois suivant la décision, puis, si elle rejette le recours, devant le pôle social du tribunal "
        "judiciaire."
    ),
    "checklist.css_renewal": (
        "Le foyer a déjà la Complémentaire santé solidaire : elle est attribuée pour {duration} mois et se renouvelle "
        "sur demande, entre {earliest} et {latest} mois avant la fin des droits."
    ),
    "checklist.css_renewal.at_risk": (
        "D'après cette simulation, les ressources dépassent désormais le plafond : le renouvellement pourrait être "
        "refusé."
    ),
    "checklist.css_renewal.procedure": "Renouveler la Complémentaire santé solidaire",
    "checklist.css_renewal.automatic": (
        "Renouvellement automatique pour les bénéficiaires du RSA, de l'ASPA ou de l'ASI : vérifiez que vous recevez "
        "votre nouvelle attestation. Sinon : "
    ),
    "checklist.css_renewal.how": (
        "{automatic}{ameli} Sur papier : formulaire cerfa n° 12504 (dernière version sur ameli.fr), à envoyer à votre "
        "caisse d'assurance maladie."
    ),
    "checklist.css_renewal.deadline": (
        "Entre {earliest} et {latest} mois avant la date de fin de vos droits (indiquée sur votre attestation), pour "
        "éviter une interruption."
    ),
    "checklist.css_request.free": "sans participation financière",
    "checklist.css_request.participation": "avec une participation de {amount} par mois pour le foyer",
    "checklist.css_request.procedure": "Demander la Complémentaire santé solidaire ({what})",
    "checklist.css_request.rsa": (
        "Avec le RSA, la CSS sans participation est attribuée automatiquement, sauf refus de votre part : vérifiez "
        "auprès de votre CPAM que c'est fait. Sinon : "
    ),
    "checklist.css_request.how": (
        "{rsa}{ameli} Sur papier : formulaire cerfa n° 12504 (dernière version sur ameli.fr), à envoyer à votre CPAM "
        "(ou à votre caisse si vous relevez d'un autre régime). Une seule demande pour tout le foyer ; vous "
        "choisissez l'organisme qui gérera la CSS : la CPAM ou un organisme complémentaire de la liste officielle."
    ),
    "checklist.css_request.deadline": (
        "La caisse décide dans les {decision} mois qui suivent la réception du dossier complet ; les droits sont "
        "ouverts pour {duration} mois."
    ),
    "checklist.css_request": "D'après cette simulation, le foyer a droit à la Complémentaire santé solidaire {what}.",
    "checklist.appeal.organism": "Commission de recours amiable de la caisse, puis pôle social du tribunal judiciaire",
    "checklist.appeal.procedure": "Contester une décision sur la Complémentaire santé solidaire",
    "checklist.appeal.how": (
        "Écrivez à la commission de recours amiable de votre caisse (courrier recommandé ou messagerie du compte "
        "ameli) en joignant la décision et vos justificatifs ; si elle rejette votre recours, saisissez le pôle "
        "social du tribunal judiciaire."
    ),
    "checklist.appeal.deadline": "Dans les {months} mois suivant la décision.",
    "checklist.appeal.help": "{general} Une association ou un point-justice peut aussi vous conseiller.",
    "checklist.appeal": "Une décision de la caisse sur la CSS peut être contestée.",
}
TEMPLATES.update({
    "checklist.in_department": " ({department})",
    "checklist.documents.household_resources": (
        "Justificatifs des ressources du foyer : derniers avis d'imposition de {members}"
    ),
    "checklist.documents.bank_details": "RIB (relevé d'identité bancaire)",
    # CPAM aid (``cpam_aid.py``).
    "checklist.cpam_aid.documents.css_decision": (
        "Décision de la caisse sur la Complémentaire santé solidaire (demandez-la d'abord)"
    ),
    "checklist.cpam_aid.documents.guarantees": "Tableau de garanties ou décompte de votre complémentaire santé",
    "checklist.cpam_aid.documents.situation": (
        "Justificatifs de la situation : arrêt de travail, bulletin d'hospitalisation, certificat médical…"
    ),
    "checklist.cpam_aid": "Aide de la CPAM : {assessment}.",
    "checklist.cpam_aid.left": "Aide de la CPAM : {assessment} ; reste estimé à payer : {left}.",
    "checklist.cpam_aid.organism": "Votre CPAM{department}, service de l'action sanitaire et sociale",
    "checklist.cpam_aid.procedure": "Demander une aide financière individuelle à la CPAM",
    "checklist.cpam_aid.how": (
        "Formulaire de demande d'aide financière de votre CPAM (page de votre caisse sur ameli.fr, ou à l'accueil), "
        "à envoyer à votre CPAM avec les justificatifs ; le service social de l'Assurance Maladie peut vous aider à "
        "le remplir.{css_first}"
    ),
    "checklist.cpam_aid.css_first": " Faites d'abord la demande de Complémentaire santé solidaire.",
    "checklist.cpam_aid.deadline": (
        "Avant les soins, avec un devis et non une facture : une commission de la CPAM examine les demandes "
        "régulièrement, son délai dépend de la caisse."
    ),
    "checklist.cpam_aid.appeal": "Aide facultative : un refus de la commission ne peut pas être contesté.",
    # Help (``help_independants.py``).
    "checklist.help.documents.siret": "Numéro Siret de l'activité de {member}",
    "checklist.help.documents.contributions": "Relevé des cotisations dues (espace en ligne urssaf.fr)",
    "checklist.help.documents.sick_leave": "Arrêt de travail ou certificat médical, s'il y en a un",
    "checklist.help.organism": (
        "Urssaf (dispositif Help, commun à l'Urssaf, la Caf, l'Assurance retraite et l'Assurance Maladie)"
    ),
    "checklist.help.procedure": "Remplir le questionnaire Help pour travailleurs indépendants en difficulté",
    "checklist.help.how": "En ligne sur urssaf.fr ({url}) : un seul questionnaire, transmis aux organismes concernés.",
    "checklist.help.deadline": "Dès que possible ; vous êtes informé(e) par courriel à chaque étape.",
    "checklist.help.help": "Votre Urssaf (messagerie de l'espace en ligne), ou le CCAS de votre commune.",
    # Local aid (``local_aid.py``).
    "checklist.local_aid.procedure": "Demander une aide facultative pour les frais de santé (département ou CCAS)",
    "checklist.local_aid.documents.quotes": (
        "Devis ou factures des soins, ou échéancier de la cotisation de complémentaire santé"
    ),
    "checklist.local_aid.deadline": "Avant les soins si possible : chaque département ou CCAS fixe ses délais.",
})
TEMPLATES.update({
    "checklist.before_care": "Avant les soins.",
    "checklist.soon": "Dès que possible.",
})
TEMPLATES.update({
    "checklist.basket": " ({basket})",
    "checklist.cpam_aid.documents.two_quotes": "Deux devis de professionnels différents : {kind}{basket} de {member}",
    "checklist.cpam_aid.documents.hospital_quote": (
        "Devis ou estimation des frais de l'établissement : hospitalisation de {member}"
    ),
    "checklist.cpam_aid.documents.doctor_quote": "Devis du médecin (dépassement d'honoraires) : consultation de {member}",
})
TEMPLATES.update({
    # A young person of the parents' household (R861-2, ``css/procedure.py``).
    "checklist.css_request_with_parents.procedure": "Demander la Complémentaire santé solidaire avec vos parents",
    "checklist.css_request_with_parents.how": (
        "Vos parents font une seule demande pour tout leur foyer, vous compris, avec leurs ressources et les vôtres. "
        "{ameli} Sur papier : formulaire cerfa n° 12504 (dernière version sur ameli.fr), à envoyer à leur CPAM. Si "
        "vous pouvez demander seul(e) (voir le résultat), faites la demande à votre nom."
    ),
    "checklist.documents.parents_tax_notice": "Dernier avis d'imposition de vos parents",
    "checklist.css_request_with_parents": (
        "D'après vos réponses, vous faites partie du foyer de vos parents pour la Complémentaire santé solidaire."
    ),
})
TEMPLATES.update({
    # The caisse of the territory (``care/guidance.py``): overseas, its name is data (a parameter).
    "caisse.cpam": "Caisse primaire d'assurance maladie (CPAM)",
    "caisse.overseas": "{name}",
    # The establishment of a planned stay and its services: their steps are grouped under it on the pages.
    "checklist.hospital": "L'hôpital ou la clinique de votre séjour",
    "checklist.hospital.admissions": "Bureau des admissions",
    "checklist.hospital.admissions_or_professional": (
        "Bureau des admissions ; pour une prothèse, des lunettes ou des aides auditives, le professionnel"
    ),
    "checklist.hospital.billing": "Service des frais de séjour",
    # Notes for professionals (``to_verify``) that every rule may give.
    "sources.to_verify": "{description} : {note}",
    "to_verify.later_than_checked": (
        "La demande est datée du {request_day}, après la dernière vérification des montants légaux "
        "({checked_day}) : une revalorisation intervenue entre-temps n'est pas prise en compte."
    ),
})
