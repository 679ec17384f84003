from django.apps import AppConfig

from core.sections import StandardSection


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Trang chủ và chuyên mục"
    site_root_model = "home.HomePage"
    standard_sections = [
        StandardSection(
            10,
            "gioi-thieu",
            "Giới thiệu",
            "home.SectionPage",
            text_field="body",
            demo_text=(
                "<p>Chức năng, nhiệm vụ, cơ cấu tổ chức, địa chỉ và điện thoại của {name} và các BHXH cơ sở.</p>"
            ),
        ),
        StandardSection(
            20,
            "tin-tuc-su-kien",
            "Tin tức – Sự kiện",
            "home.NewsIndexPage",
            text_field="intro",
            demo_text="<p>Tin hoạt động của đơn vị, đăng trong vòng 10 ngày kể từ khi sự kiện diễn ra.</p>",
        ),
        StandardSection(
            60,
            "thong-tin-cong-khai",
            "Thông tin công khai",
            "home.SectionPage",
            text_field="body",
            demo_text=(
                "<p>Thông tin được công khai theo Luật Tiếp cận thông tin 2016 (Công văn 07/BHXH-PC ngày 02/01/2020): "
                "quy chế cung cấp thông tin, danh mục thông tin phải công khai, đầu mối tiếp nhận yêu cầu "
                "cung cấp thông tin.</p>"
                '<p><a href="/yeu-cau-cung-cap-thong-tin/">Gửi yêu cầu cung cấp thông tin trực tuyến</a> '
                "(trả lời trong 03 ngày làm việc, hoặc 15 ngày làm việc nếu cần tập hợp thông tin).</p>"
            ),
        ),
    ]
    demo_loaders = [(40, "home.news_demo.load_news_demo"), (45, "home.home_demo.load_home_demo")]

    def ready(self):
        from . import cache_tags

        cache_tags.connect()
