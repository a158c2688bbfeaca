from django.contrib import admin

from .models import Profile, ProfessionalRegistration, User

admin.site.register(User)
admin.site.register(Profile)
admin.site.register(ProfessionalRegistration)
