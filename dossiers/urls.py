"""The CCAS workspace, under /dossiers/. Dossiers are named by their random UUID, never by a name."""

from django.urls import path

from .views import caseload, feedback, questionnaire, second_factor, statistics, team, workspace

app_name = "dossiers"
urlpatterns = [
    path("", workspace.dossier_list, name="list"),
    path("nouveau/", workspace.dossier_create, name="create"),
    path("<uuid:public_id>/", workspace.dossier_detail, name="detail"),
    path("<uuid:public_id>/modifier/", workspace.dossier_edit, name="edit"),
    path("<uuid:public_id>/consentement/", workspace.dossier_consent, name="consent"),
    path("<uuid:public_id>/importer/", workspace.dossier_import, name="import"),
    path("<uuid:public_id>/notes/", workspace.dossier_notes, name="notes"),
    path("<uuid:public_id>/notes/<int:note_id>/", workspace.note_edit, name="note_edit"),
    path("<uuid:public_id>/pieces/", workspace.dossier_checklist, name="checklist"),
    path("<uuid:public_id>/statut/", workspace.dossier_status, name="status"),
    path("<uuid:public_id>/export/", workspace.dossier_export, name="export"),
    path("<uuid:public_id>/pdf/", questionnaire.pdf_view, name="pdf"),
    path("<uuid:public_id>/questionnaire/", questionnaire.questionnaire_include),
    path("<uuid:public_id>/effacer/", workspace.dossier_erase, name="erase"),
    path("<uuid:public_id>/agent/", caseload.dossier_assign, name="assign"),
    path("<uuid:public_id>/taches/", caseload.dossier_tasks, name="tasks"),
    path("<uuid:public_id>/taches/<int:task_id>/faite/", caseload.task_done, name="task_done"),
    path("a-faire/", caseload.todo, name="todo"),
    path("organisation/", caseload.switch_organisation, name="switch_organisation"),
    path("statistiques/", statistics.statistics, name="statistics"),
    path("statistiques.csv", statistics.statistics_csv, name="statistics_csv"),
    path("export.csv", statistics.dossiers_csv, name="dossiers_csv"),
    path("avis/", feedback.feedback_list, name="feedback"),
    path("avis.csv", feedback.feedback_csv, name="feedback_csv"),
    path("securite/", second_factor.second_factor_setup, name="second_factor_setup"),
    path("securite/code/", second_factor.second_factor, name="second_factor"),
    path("equipe/", team.team, name="team"),
    path("equipe/inviter/", team.invite, name="invite"),
    path("equipe/<int:membership_id>/desactiver/", team.deactivate, name="deactivate"),
    path("equipe/<int:membership_id>/reactiver/", team.reactivate, name="reactivate"),
    path("equipe/<int:membership_id>/renvoyer-invitation/", team.resend_invitation, name="resend_invitation"),
    path("journal/", team.audit_log, name="audit"),
]
