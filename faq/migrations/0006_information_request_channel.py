"""The channel of a request for information (its article and clock: Luật Tiếp cận thông tin art. 29–31);
requests already received came through the portal's form or API, so online. The extension is in calendar
days."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("faq", "0005_pause_per_step_and_report_back"),
    ]

    operations = [
        migrations.AddField(
            model_name="informationrequest",
            name="channel",
            field=models.CharField(
                choices=[
                    ("online", "Trực tuyến, qua mạng điện tử"),
                    ("post", "Qua dịch vụ bưu chính"),
                    ("fax", "Qua fax"),
                    ("in_person", "Trực tiếp tại trụ sở"),
                ],
                default="online",
                help_text="Trực tuyến khi gửi qua cổng; cán bộ ghi kênh của yêu cầu nhận qua bưu chính, fax hoặc trực tiếp.",
                max_length=16,
                verbose_name="kênh gửi yêu cầu",
            ),
        ),
        migrations.AlterField(
            model_name="informationrequest",
            name="extension_days",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="số ngày gia hạn (ngày theo lịch)"),
        ),
    ]
