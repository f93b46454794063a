"""manage.py add_curator NAME [--email E]: a staff account in the 'curators' group.

The password is asked for on the terminal (or read from LINIMASA_CURATOR_PASSWORD for scripts),
never passed on the command line where the shell history would keep it.
"""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create a curator (or add an existing user to the curators) for the curation panel."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")

    def handle(self, *args, username: str, email: str, **options):
        group = Group.objects.filter(name="curators").first()
        if group is None:
            raise CommandError("The 'curators' group is missing: run `manage.py migrate` first.")
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            password = os.environ.get("LINIMASA_CURATOR_PASSWORD") or getpass.getpass(f"Password for {username}: ")
            user = User(username=username, email=email, is_staff=True)
            try:
                validate_password(password, user)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            user.set_password(password)
            user.save()
            verb = "created"
        else:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            verb = "added to the curators"
        user.groups.add(group)
        self.stdout.write(f"{username} {verb}: sign in at /admin/ to review proposed events.")
