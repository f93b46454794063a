"""The 'curators' group, with exactly what curation needs.

Curators review, correct, merge and publish events, keep the gazetteer (actors, aliases,
offices) and feed articles, outlets and feeds. They delete no event, source, article or actor:
curation marks things rejected or merged instead. Roles, aliases and offices may be removed,
as their history keeps them.
"""

from django.db import migrations

GROUP = "curators"
PERMISSIONS = {
    ("timeline", "event"): ["view", "change"],
    ("timeline", "evidence"): ["view", "change"],
    ("timeline", "eventactor"): ["view", "add", "change", "delete"],
    ("timeline", "actor"): ["view", "add", "change"],
    ("timeline", "actoralias"): ["view", "add", "change", "delete"],
    ("timeline", "office"): ["view", "add", "change", "delete"],
    ("timeline", "curationaction"): ["view"],
    ("ingest", "article"): ["view", "add", "change"],
    ("ingest", "outlet"): ["view", "add", "change"],
    ("ingest", "feed"): ["view", "add", "change"],
}


def create_curators(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are made after migrations run; make them now so the group can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)
    grant_permissions(group, apps.get_model("auth", "Permission"))


def grant_permissions(group, Permission) -> None:
    """Give the group exactly PERMISSIONS (tests call it too, after a flush empties the tables)."""
    wanted = [
        Permission.objects.get(content_type__app_label=app_label, codename=f"{verb}_{model}")
        for (app_label, model), verbs in PERMISSIONS.items()
        for verb in verbs
    ]
    group.permissions.set(wanted)


def remove_curators(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("ingest", "0002_feeds_and_fetch_states"),
        ("timeline", "0003_history_curation_log_reported_dates"),
    ]

    operations = [migrations.RunPython(create_curators, remove_curators)]
