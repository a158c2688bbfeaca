from django.contrib import admin

from .models import ProfessionalRegistration, Profile, User

admin.site.register(User)
admin.site.register(Profile)
admin.site.register(ProfessionalRegistration)
