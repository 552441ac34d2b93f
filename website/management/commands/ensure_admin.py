import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Creates an administrator with a random password, printed once, if the site has none."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@example.org")

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("An administrator account already exists: log in with it (or reset its password).")
            return
        password = secrets.token_urlsafe(18)
        User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(
            self.style.SUCCESS("Created the administrator account. Note its password now: it is not shown again.")
        )
        self.stdout.write(f"  username: {username}\n  password: {password}")
