"""French templates of the Complémentaire santé solidaire rules (``eligibility/rules/css/``) and of the words
they share with the other rules (who a member is, the allowances)."""

TEMPLATES = {
    # Who a member is, in a sentence (``css.common.who_is``).
    "who.applicant": "vous-même",
    "who.partner": "votre conjoint ou partenaire",
    "who.child": "votre enfant « {id} »",
    "who.dependant": "la personne à charge « {id} »",
    "count.person": "{n} personne",
    "count.persons": "{n} personnes",
    "count.persons_or_more": "{n} personnes ou plus",
    # Allowances, as named in a sentence.
    "benefit.rsa": "le RSA",
    "benefit.aspa": "l'ASPA",
    "benefit.aspa_long": "l'ASPA (minimum vieillesse)",
    "benefit.asi": "l'ASI",
    "benefit.aah": "l'AAH",
    # Household (R861-2, R861-3).
    "css.household": "Votre foyer compte {persons} pour la Complémentaire santé solidaire ({members}).",
    "css.household.you": "vous",
    "css.household.partner": "votre conjoint ou partenaire",
    "css.household.dependant": "{n} personne à charge de moins de {age} ans",
    "css.household.dependants": "{n} personnes à charge de moins de {age} ans",
    "css.coefficient": (
        "Le plafond d'une personne seule est multiplié par {coefficient} pour votre foyer (1 pour vous, {second} "
        "pour la 2e personne, {third_and_fourth} pour la 3e et la 4e, {further} à partir de la 5e)."
    ),
    "css.household_not_counted": (
        "{who} ({age} ans le {day}) ne fait pas partie du foyer : seules les personnes à charge de moins de "
        "{limit} ans à la date de la demande en font partie. Cette personne peut faire sa propre demande."
    ),
    "css.household_independent": (
        "{who} ({age} ans) ne fait pas partie du foyer : cette personne n'est pas sur votre déclaration de revenus, "
        "ne vit pas chez vous et ne reçoit pas de pension que vous déduisez de vos impôts. Elle peut faire sa "
        "propre demande."
    ),
    # Which household the request is for (R861-2) and the individual applications (service-public F10027).
    "css.household_basis.young_couple": (
        "Vous avez moins de {limit} ans et vivez en couple : vous formez votre propre foyer avec votre conjoint ou "
        "partenaire, et la demande se fait pour ce foyer."
    ),
    "css.household_basis.rsa": (
        "Vous recevez le RSA : les conditions des moins de {limit} ans ne s'appliquent pas à vous. Vous formez votre "
        "propre foyer et pouvez demander seul(e)."
    ),
    "css.household_basis.minor": (
        "Vous avez {age} ans : un mineur fait partie du foyer de ses parents, qui font la demande pour tout le "
        "foyer. Seuls certains mineurs peuvent demander seuls (confiés à l'aide sociale à l'enfance, suivis par la "
        "protection judiciaire de la jeunesse, ou de {sixteen} ans et plus sans contact avec leur famille). Les "
        "montants ci-dessous sont calculés pour vous seul(e)."
    ),
    "css.household_basis.parents": (
        "Vous avez {age} ans et {ties} : vous faites partie du foyer de vos parents pour la Complémentaire santé "
        "solidaire. La demande se fait par vos parents, avec leurs ressources.{alone} Les montants ci-dessous sont "
        "calculés pour vous seul(e)."
    ),
    "css.household_basis.parents.at_home": " Tant que vous vivez chez eux, vous ne pouvez pas demander seul(e).",
    "css.household_basis.parents.commit": " Vous pouvez demander seul(e) si vous acceptez de {commitments}.",
    "css.household_basis.tie.lives": "vous vivez chez vos parents",
    "css.household_basis.tie.tax_first": "vous êtes sur la déclaration de revenus de vos parents",
    "css.household_basis.tie.tax": "vous êtes sur leur déclaration de revenus",
    "css.household_basis.tie.alimony_first": (
        "vous recevez de vos parents une pension alimentaire qu'ils déduisent de leurs impôts"
    ),
    "css.household_basis.tie.alimony": "vous recevez une pension alimentaire qu'ils déduisent de leurs impôts",
    "css.household_basis.commit.tax": (
        "vous engager par écrit à faire votre propre déclaration de revenus dès l'an prochain"
    ),
    "css.household_basis.and": "{first} et {last}",
    "css.household_basis.commit.alimony": "attester sur l'honneur que cette pension ne vous est plus versée",
    "css.household_basis.young_adult_assumed": (
        "Vous avez {age} ans : vous pouvez demander seul(e) si vous ne vivez pas chez vos parents, n'êtes pas sur "
        "leur déclaration de revenus et ne recevez pas de pension alimentaire qu'ils déduisent de leurs impôts. "
        "Nous l'avons supposé ; la caisse le vérifiera."
    ),
    "css.household_basis.young_adult_independent": (
        "Vous avez {age} ans, vous ne vivez pas chez vos parents, vous n'êtes pas sur leur déclaration de revenus "
        "et ne recevez pas de pension qu'ils déduisent de leurs impôts : vous formez votre propre foyer et pouvez "
        "demander seul(e)."
    ),
    "css.individual.ase_pjj": (
        "Vous êtes confié(e) à l'aide sociale à l'enfance (ASE) ou suivi(e) par la protection judiciaire de la "
        "jeunesse (PJJ) : la demande est faite pour vous seul(e), sans les ressources de vos parents."
    ),
    "css.individual.ase_pjj.minor": (
        "Vous êtes confié(e) à l'aide sociale à l'enfance (ASE) ou suivi(e) par la protection judiciaire de la "
        "jeunesse (PJJ) : la demande est faite pour vous seul(e), sans les ressources de vos parents, par le "
        "service qui s'occupe de vous."
    ),
    "css.individual.no_family_contact": (
        "Vous n'avez plus de contact avec votre famille : vous pouvez demander seul(e), sans les ressources de vos "
        "parents."
    ),
    "css.individual.fnau_student": (
        "Vous êtes étudiant(e) isolé(e) et recevez l'aide annuelle d'urgence du Crous (FNAU) : vous pouvez "
        "demander seul(e), sans les ressources de vos parents, même si vous êtes sur leur déclaration de revenus."
    ),
    "css.individual.young_parent": (
        "Vous avez moins de {limit} ans et vous êtes parent ou attendez un enfant : vous formez votre propre foyer, "
        "même si vous vivez chez vos parents. La demande se fait pour vous et vos enfants."
    ),
    "css.individual.separated_spouse": (
        "Vous êtes séparé(e) de votre conjoint : vous pouvez demander seul(e), sans ses ressources, même si vous "
        "êtes encore marié(e) ou sur la même déclaration de revenus."
    ),
    "css.shared_custody": (
        "{who} vit en résidence alternée : sa part dans le plafond est réduite de moitié (il ou elle compte "
        "quand même comme une personne du foyer)."
    ),
    "css.shared_custody_adult": (
        "{who} est majeur(e) : la réduction pour résidence alternée ne concerne que les enfants mineurs, sa part "
        "dans le plafond est entière."
    ),
    # Reference period (R861-8).
    "css.reference_period": (
        "Les ressources retenues sont celles reçues {from_start} à {end} ({months} mois, du {first_day} au "
        "{last_day}) ; chaque montant déclaré est le total de cette période."
    ),
    # Resources (R861-4 to R861-10, R861-15) and the months of a dated line.
    "css.resource.dated": "{who} ; {months}",
    "resource.months.none": "aucun mois de la période de référence : rien n'est compté",
    "resource.months.in": "en {month}",
    "resource.months.span": "{from_start} à {end}",
    "resource.months.same": "{amount} par mois {span}, {count} mois de la période de référence",
    "resource.months.varied": "montants mois par mois {span}, {count} mois de la période de référence",
    "css.resource_not_in_household": (
        "{label} ({who}, {amount}) : montant non compté, cette personne ne fait pas partie du foyer de la demande."
    ),
    "css.resource_not_yet_excluded": (
        "{label} ({who}) : {amount} comptés. Cette ressource n'est laissée de côté que pour les demandes faites à "
        "partir du {since} ({article}) ; à la date de votre demande ({request_day}), elle est encore comptée."
    ),
    "css.resource_excluded.housing_aid": (
        "{label} ({who}, {amount}) : montant non compté comme une ressource ; seul le forfait logement est ajouté."
    ),
    "css.resource_excluded": (
        "{label} ({who}, {amount}) : montant laissé de côté, la loi ne compte pas cette ressource."
    ),
    "css.resource_deducted": "{label} ({who}) : {amount} versés pendant la période, déduits de vos ressources.",
    "css.resource_abated": (
        "{label} ({who}) : {amount} déclarés, comptés pour {counted} après un abattement de {rate}, car cette "
        "personne {cause} à la date de la demande. L'abattement porte sur tous ses revenus d'activité de la "
        "période, même ceux des mois où elle travaillait."
    ),
    "css.resource_abated.unemployed_compensated": "est au chômage indemnisé",
    "css.resource_abated.trainee_paid": "est stagiaire rémunérée de la formation professionnelle",
    "css.resource_abated.sick_leave_over_6_months": "est en arrêt maladie depuis plus de 6 mois",
    "css.resource_abated.ass": "reçoit l'allocation de solidarité spécifique (ASS)",
    "css.benefit_deduction": (
        "{label} ({who}) : {amount} déclarés, comptés pour {counted} après une déduction forfaitaire de {rate} par "
        "mois d'allocation{shared}{over}"
    ),
    "css.benefit_deduction.couple": " pour le couple, partagée entre vous deux",
    "css.benefit_deduction.whole_period": (
        ", soit {deducted} sur {months} mois. Nous supposons que {benefit} a été versée pendant toute la période ; "
        "la déduction ne dépasse jamais le montant déclaré."
    ),
    "css.benefit_deduction.months_paid": (
        ", soit {deducted} pour les {paid} mois où {benefit} a été versée pendant la période ; la déduction ne "
        "dépasse jamais le montant déclaré."
    ),
    "css.resource_included": "{label} ({who}) : {amount} comptés.",
    "css.resource_self_employment": (
        "Pour les revenus d'activité indépendante ({who}), on retient le revenu net du dernier avis d'imposition, "
        "pas les recettes de la période."
    ),
    # Housing flat amount (R861-5, R861-7).
    "css.housing.intro_aid": (
        "Vous recevez une aide au logement : un forfait logement de {rate} du RSA d'un foyer de {people} "
        "({rsa} par mois) est ajouté à vos ressources"
    ),
    "css.housing.intro_no_aid": (
        "Vous êtes {case} : un forfait logement de {rate} du RSA d'un foyer de {people} ({rsa} par mois) est "
        "ajouté à vos ressources"
    ),
    "css.housing.owner": "propriétaire sans aide au logement",
    "css.housing.hosted_free": "hébergé(e) gratuitement",
    "css.housing.tenant": "locataire sans aide au logement",
    "css.housing.institution": "en établissement sans aide au logement",
    "css.housing_flat_amount.capped": (
        "{intro}, soit {monthly} par mois, limité au montant de l'aide que vous recevez ({aid} par mois), {annual} "
        "sur {months} mois. L'aide au logement elle-même n'est pas comptée."
    ),
    "css.housing_flat_amount.homeless": "Pas de forfait logement : vous n'avez pas de logement stable.",
    "css.housing_flat_amount.aid": (
        "{intro}, soit {monthly} par mois, {annual} sur {months} mois. L'aide au logement elle-même n'est pas comptée."
    ),
    "css.housing_flat_amount.no_aid": "{intro}, soit {monthly} par mois, {annual} sur {months} mois.",
    "css.housing_flat_amount.none": "Pas de forfait logement : vous êtes {case}.",
    # Total and decision (L861-1).
    "css.resources_floor": (
        "Après déduction des pensions alimentaires versées, vos ressources sont ramenées à 0 € (elles ne peuvent "
        "pas être négatives)."
    ),
    "css.resources": "Total de vos ressources retenues : {total} sur {months} mois.",
    "css.territory": (
        "La Complémentaire santé solidaire ne s'appliquait pas à {territory} à la date de votre demande "
        "({request_day}){since}. Renseignez-vous auprès de votre caisse de sécurité sociale sur le dispositif local."
    ),
    "css.territory.since": " : elle y est applicable depuis le {day}",
    "css.ceilings": (
        "Plafonds annuels pour votre foyer{place} : {free} pour la CSS sans participation et {with_participation} "
        "pour la CSS avec participation (plafond majoré de {increase}) ; {how}."
    ),
    "css.ceilings.overseas": " ({territory}, plafonds d'outre-mer majorés)",
    "css.ceilings.published": "barème publié",
    "css.ceilings.computed": "calcul : {base} pour une personne × {coefficient}{overseas}, arrondi à l'euro",
    "css.ceilings.overseas_factor": " × {factor} outre-mer",
    "css.presumption.rsa_automatic": (
        "Vous recevez le RSA : la Complémentaire santé solidaire est sans participation pour votre foyer, et elle "
        "vous est attribuée automatiquement sauf si vous la refusez."
    ),
    "css.presumption.rsa": (
        "Vous recevez le RSA : la Complémentaire santé solidaire est sans participation pour votre foyer, quelles "
        "que soient vos autres ressources ; il faut la demander."
    ),
    "css.presumption_not_applied.working": (
        "Vous recevez {benefit}, mais une personne du foyer travaille : la présomption de droit ne s'applique pas, "
        "vos ressources décident."
    ),
    "css.presumption_not_applied.worked": (
        "Vous recevez {benefit}, mais {who} a travaillé jusqu'au {last_day} : la présomption de droit demande "
        "{months} mois civils sans activité avant le mois de la demande (depuis le {since}) ; vos ressources "
        "décident."
    ),
    "css.presumption_not_applied.alone": (
        "Vous recevez {benefit}, mais la présomption de droit ne vaut que pour une personne qui vit seule : vos "
        "ressources décident."
    ),
    "css.presumption": (
        "Vous recevez {benefit} et {nobody} : vous êtes présumé(e) avoir droit à la CSS avec participation ; si vos "
        "ressources sont sous le plafond sans participation, elle est sans participation."
    ),
    "css.presumption.nobody_works": "personne ne travaille dans le foyer",
    "css.presumption.nobody_worked": (
        "personne dans le foyer n'a travaillé depuis le {since} ({months} mois civils avant le mois de la demande)"
    ),
    "css.decision": "{comparison} {verdict}{by_benefit}",
    "css.decision.free_exact": (
        "Vos ressources ({resources}) ne dépassent pas le plafond sans participation ({free}) : elles l'atteignent "
        "tout juste, et le plafond est inclus."
    ),
    "css.decision.free": (
        "Vos ressources ({resources}) ne dépassent pas le plafond sans participation ({free}) : il reste une marge "
        "de {margin}."
    ),
    "css.decision.with_participation": (
        "Vos ressources ({resources}) dépassent de {excess} le plafond sans participation ({free}) mais pas le "
        "plafond avec participation ({with_participation}) : il reste une marge de {margin}."
    ),
    "css.decision.over": (
        "Vos ressources dépassent le plafond de {excess} : {resources} pour un plafond de {with_participation} "
        "(CSS avec participation)."
    ),
    "css.decision.by_benefit": " C'est l'allocation que vous recevez qui vous y donne droit (voir ci-dessus).",
    "css.verdict.free": "Vous avez droit à la Complémentaire santé solidaire sans participation.",
    "css.verdict.with_participation": "Vous avez droit à la Complémentaire santé solidaire avec participation.",
    "css.verdict.not_eligible": "Vous n'avez pas droit à la Complémentaire santé solidaire.",
    "css.not_resident.irregular": (
        "La Complémentaire santé solidaire est réservée aux personnes qui résident en France de façon stable et "
        "régulière : avec l'aide médicale de l'État (séjour irrégulier), elle ne s'applique pas."
    ),
    "css.not_resident.visitor": (
        "La Complémentaire santé solidaire est réservée aux personnes qui résident en France et relèvent de "
        "l'Assurance maladie française : elle ne s'applique pas pendant un séjour temporaire."
    ),
    # Participation (L861-1 2°).
    "css.participation_member": "Participation pour {who} ({age} ans au {day}) : {amount} par mois{scheme}.",
    "css.participation_member.alsace_moselle": " (régime local d'Alsace-Moselle)",
    "css.participation": (
        "Votre participation est de {total} par mois pour le foyer (l'âge retenu est celui du 1er janvier {year})."
    ),
}
TEMPLATES.update({
    # Note for professionals (``css/presumptions.py``).
    "css.to_verify.presumption_work_unknown": (
        "La présomption de droit suppose que personne dans le foyer n'a travaillé au cours des {months} mois "
        "précédant la demande : la simulation ne le sait pas, la caisse le vérifiera."
    ),
})
