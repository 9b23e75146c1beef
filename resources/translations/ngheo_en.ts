<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>AssessmentWizard</name>
    <message>
        <source>Rà soát hộ — {0}</source>
        <translation>Household review — {0}</translation>
    </message>
    <message>
        <source>← Quay lại</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Phần trước (Ctrl+PgUp)</source>
        <translation>Previous section (Ctrl+PgUp)</translation>
    </message>
    <message>
        <source>Tiếp theo →</source>
        <translation>Next →</translation>
    </message>
    <message>
        <source>Phần sau (Ctrl+PgDown)</source>
        <translation>Next section (Ctrl+PgDown)</translation>
    </message>
    <message>
        <source>✔ Hoàn tất rà soát</source>
        <translation>✔ Complete the review</translation>
    </message>
    <message>
        <source>Lưu kết quả rà soát (Ctrl+Enter)</source>
        <translation>Store the review result (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Đóng, làm tiếp sau</source>
        <translation>Close, continue later</translation>
    </message>
    <message>
        <source>Mọi câu trả lời đã được lưu; mở lại sẽ tiếp tục ở phần này (Esc)</source>
        <translation>Every answer is saved; reopening continues at this section (Esc)</translation>
    </message>
    <message>
        <source>Phần {0}/{1}: {2}</source>
        <translation>Section {0}/{1}: {2}</translation>
    </message>
    <message>
        <source>(chưa có tên chủ hộ)</source>
        <translation>(no head of household yet)</translation>
    </message>
    <message>
        <source>Rà soát hộ: {0}</source>
        <translation>Review of household: {0}</translation>
    </message>
    <message>
        <source>{0} · Ngày rà soát {1} · {2} thành viên</source>
        <translation>{0} · Review date {1} · {2} members</translation>
    </message>
    <message>
        <source>bỏ qua</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>Đã trả lời {0}/{1} câu bắt buộc</source>
        <translation>{0}/{1} required questions answered</translation>
    </message>
    <message>
        <source>Đã đủ thông tin: có thể hoàn tất rà soát.</source>
        <translation>Everything needed is answered: the review can be completed.</translation>
    </message>
    <message>
        <source>Câu bắt buộc: cần trả lời trước khi hoàn tất.</source>
        <translation>Required: answer this before completing.</translation>
    </message>
</context>
<context>
    <name>ChoiceField</name>
    <message>
        <source>— Chưa chọn —</source>
        <translation>— Not chosen —</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>Sửa thông tin ở trường được nêu rồi lưu lại.</source>
        <translation>Correct the field named in the message, then save again.</translation>
    </message>
    <message>
        <source>Tệp định nghĩa trong thư mục forms/ bị hỏng: cài lại phần mềm hoặc báo cán bộ phụ trách.</source>
        <translation>A definition file in forms/ is broken: reinstall the software or tell the officer in charge.</translation>
    </message>
    <message>
        <source>Kiểm tra ngày rà soát hoặc cài chuẩn nghèo áp dụng cho năm đó.</source>
        <translation>Check the review date, or install the poverty standard for that year.</translation>
    </message>
    <message>
        <source>Làm theo hướng dẫn trong thông báo rồi thử lại.</source>
        <translation>Follow the advice in the message, then try again.</translation>
    </message>
    <message>
        <source>Hãy thử lại. Nếu lỗi lặp lại, gửi tệp nhật ký cho cán bộ hỗ trợ kỹ thuật: {0}</source>
        <translation>Please try again. If it happens again, send the log file to technical support: {0}</translation>
    </message>
    <message>
        <source>Đã xảy ra lỗi ngoài dự kiến; thao tác vừa rồi chưa hoàn thành.</source>
        <translation>An unexpected error occurred; the last action was not completed.</translation>
    </message>
    <message>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Chỉ nhập chữ số, ví dụ 1.500.000</source>
        <translation>Digits only, for example 1.500.000</translation>
    </message>
    <message>
        <source>Nhập một số, ví dụ 30 hoặc 30,5</source>
        <translation>Enter a number, for example 30 or 30,5</translation>
    </message>
    <message>
        <source>Ngày phải có dạng dd/mm/yyyy, ví dụ 05/10/1984</source>
        <translation>Dates are dd/mm/yyyy, for example 05/10/1984</translation>
    </message>
    <message>
        <source>Ngày {0} không có trong lịch</source>
        <translation>{0} is not a calendar date</translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <source>Rà soát hộ nghèo, hộ cận nghèo</source>
        <translation>Poor and near-poor household review</translation>
    </message>
    <message>
        <source>Lần đầu mở phần mềm: đang tạo một xã mẫu để làm quen…</source>
        <translation>First start: building a demo commune to explore…</translation>
    </message>
    <message>
        <source>Đang tạo xã mẫu (dữ liệu giả định)…</source>
        <translation>Building the demo commune (made-up data)…</translation>
    </message>
</context>
<context>
    <name>HouseholdEditor</name>
    <message>
        <source>Thông tin hộ</source>
        <translation>Household details</translation>
    </message>
    <message>
        <source>Thành viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Năm rà soát</source>
        <translation>Year under review</translation>
    </message>
    <message>
        <source>Đợt</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>Phân loại</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Chuẩn áp dụng</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Lịch sử rà soát</source>
        <translation>Past reviews</translation>
    </message>
    <message>
        <source>Hỗ trợ đã nhận</source>
        <translation>Support received</translation>
    </message>
    <message>
        <source>Rà soát hộ này…</source>
        <translation>Review this household…</translation>
    </message>
    <message>
        <source>Mở phiếu rà soát (Ctrl+R)</source>
        <translation>Open the review questionnaire (Ctrl+R)</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Hộ mới (chưa có tên chủ hộ)</source>
        <translation>New household (no head of household yet)</translation>
    </message>
    <message>
        <source>Hộ {0}</source>
        <translation>Household {0}</translation>
    </message>
    <message>
        <source>Hộ mới</source>
        <translation>New household</translation>
    </message>
    <message>
        <source>{0} thành viên</source>
        <translation>{0} members</translation>
    </message>
    <message>
        <source>Mỗi câu trả lời được lưu ngay khi xác nhận (Enter hoặc chuyển ô).</source>
        <translation>Each answer is saved as soon as it is confirmed (Enter or moving to another field).</translation>
    </message>
    <message>
        <source>Hộ sẽ được lưu khi có câu trả lời đầu tiên.</source>
        <translation>The household is saved with its first answer.</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Loại hỗ trợ</source>
        <translation>Kind of support</translation>
    </message>
    <message>
        <source>Số tiền</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Đơn vị hỗ trợ</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Thêm hỗ trợ đã nhận</source>
        <translation>Add support received</translation>
    </message>
    <message>
        <source>để trống nếu không bằng tiền</source>
        <translation>leave empty if not in money</translation>
    </message>
    <message>
        <source>Loại:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Ngày nhận:</source>
        <translation>Date received:</translation>
    </message>
    <message>
        <source>Số tiền (đ):</source>
        <translation>Amount (VND):</translation>
    </message>
    <message>
        <source>Đơn vị hỗ trợ:</source>
        <translation>Provider:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Thêm hỗ trợ</source>
        <translation>Add support</translation>
    </message>
    <message>
        <source>Cần ngày nhận hỗ trợ.</source>
        <translation>The date the support was received is needed.</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <source>Nghèo</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>Cận nghèo</source>
        <translation>Near-poor</translation>
    </message>
    <message>
        <source>Mức sống trung bình</source>
        <translation>Average living</translation>
    </message>
    <message>
        <source>Trên mức sống TB</source>
        <translation>Above average living</translation>
    </message>
    <message>
        <source>Trên chuẩn nghèo</source>
        <translation>Above poverty line</translation>
    </message>
    <message>
        <source>Nháp</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Đã hoàn thành</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Đã duyệt</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Bị trả lại</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Chưa rà soát</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Chủ hộ</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>Thôn</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Số người</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Phân loại</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Trạng thái rà soát</source>
        <translation>Review status</translation>
    </message>
    <message>
        <source>Chưa gửi</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>Chưa gửi lên xã</source>
        <translation>Not yet sent to the commune</translation>
    </message>
</context>
<context>
    <name>LineField</name>
    <message>
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Rà soát hộ nghèo, hộ cận nghèo</source>
        <translation>Poor and near-poor household review</translation>
    </message>
    <message>
        <source>DỮ LIỆU MẪU — xã và các hộ trong cơ sở dữ liệu này là giả định, chỉ để làm quen với phần mềm. Chọn cơ sở dữ liệu thật trong Cài đặt.</source>
        <translation>DEMO DATA — the commune and households in this database are made up, for getting to know the software. Choose the real database in Settings.</translation>
    </message>
    <message>
        <source>Tìm theo tên, số định danh, địa chỉ, thôn — gõ có dấu hoặc không dấu (Ctrl+F)</source>
        <translation>Search by name, ID number, address, village — with or without diacritics (Ctrl+F)</translation>
    </message>
    <message>
        <source>Thao tác</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Hộ gia đình</source>
        <translation>&amp;Household</translation>
    </message>
    <message>
        <source>&amp;Công cụ</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Thêm hộ mới</source>
        <translation>New household</translation>
    </message>
    <message>
        <source>Mở hộ</source>
        <translation>Open household</translation>
    </message>
    <message>
        <source>Rà soát hộ</source>
        <translation>Review household</translation>
    </message>
    <message>
        <source>In phiếu rà soát của hộ…</source>
        <translation>Print the household&apos;s review sheet…</translation>
    </message>
    <message>
        <source>In phiếu cả thôn…</source>
        <translation>Print the sheets of a whole village…</translation>
    </message>
    <message>
        <source>Xuất gói gửi văn phòng…</source>
        <translation>Export the bundle for the office…</translation>
    </message>
    <message>
        <source>Tìm hộ</source>
        <translation>Find household</translation>
    </message>
    <message>
        <source>Phân loại lại theo chuẩn mới (xem trước)…</source>
        <translation>Reclassify under the newest standard (preview)…</translation>
    </message>
    <message>
        <source>Cài đặt…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu: {0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <source> (dữ liệu mẫu)</source>
        <translation> (demo data)</translation>
    </message>
    <message>
        <source>{0} hộ đầu tiên khớp với “{1}” — gõ thêm để thu hẹp</source>
        <translation>First {0} households matching “{1}” — type more to narrow down</translation>
    </message>
    <message>
        <source>{0} hộ khớp với “{1}”</source>
        <translation>{0} households match “{1}”</translation>
    </message>
    <message>
        <source>{0} hộ</source>
        <translation>{0} households</translation>
    </message>
    <message>
        <source>Đang phân loại lại toàn bộ hộ theo {0}…</source>
        <translation>Reclassifying every household under {0}…</translation>
    </message>
    <message>
        <source>Theo {0}: {1} hộ, {2} hộ đổi phân loại.</source>
        <translation>Under {0}: {1} households, {2} change class.</translation>
    </message>
    <message>
        <source>Phân loại lại (xem trước)</source>
        <translation>Reclassification (preview)</translation>
    </message>
    <message>
        <source>Đây là bản xem trước: phân loại trong sổ hộ không thay đổi.</source>
        <translation>This is a preview: the classes in the register do not change.</translation>
    </message>
    <message>
        <source>Phần mềm rà soát hộ nghèo, hộ cận nghèo — phiên bản {0}.
Chuẩn nghèo, phiếu rà soát và bảng điểm được đọc từ thư mục forms/; kết quả nêu lý do của từng chỉ số.</source>
        <translation>Poor and near-poor household review — version {0}.
Poverty standards, the questionnaire and score tables are read from forms/; every result gives the reason for each indicator.</translation>
    </message>
</context>
<context>
    <name>MembersEditor</name>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Quan hệ</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Tuổi</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Còn thiếu</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Thêm thành viên</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>Thêm một thành viên (Ctrl+M)</source>
        <translation>Add a member (Ctrl+M)</translation>
    </message>
    <message>
        <source>Xóa thành viên</source>
        <translation>Remove member</translation>
    </message>
    <message>
        <source>Xóa thành viên đang chọn (Delete trong danh sách)</source>
        <translation>Remove the selected member (Delete in the list)</translation>
    </message>
    <message>
        <source>Chưa có thành viên. Bấm “Thêm thành viên” (Ctrl+M) để nhập người đầu tiên, thường là chủ hộ.</source>
        <translation>No members yet. Press “Add member” (Ctrl+M) to enter the first one, usually the head of household.</translation>
    </message>
    <message>
        <source>(chưa có tên)</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <source>{0} câu</source>
        <translation>{0} questions</translation>
    </message>
    <message>
        <source>Xóa {0} khỏi hộ? Câu trả lời của người này sẽ bị xóa.</source>
        <translation>Remove {0} from the household? This person&apos;s answers will be deleted.</translation>
    </message>
</context>
<context>
    <name>MultiChoiceField</name>
    <message>
        <source>Không có mục nào</source>
        <translation>None of these</translation>
    </message>
</context>
<context>
    <name>OutputActions</name>
    <message>
        <source>Lưu phiếu rà soát (PDF)</source>
        <translation>Save the review sheet (PDF)</translation>
    </message>
    <message>
        <source>Đã lưu phiếu: {0}</source>
        <translation>Sheet saved: {0}</translation>
    </message>
    <message>
        <source>In phiếu cả thôn</source>
        <translation>Print a whole village</translation>
    </message>
    <message>
        <source>Chọn một thôn ở cột bên trái trước.</source>
        <translation>First choose a village in the list on the left.</translation>
    </message>
    <message>
        <source>Lưu phiếu cả thôn (PDF)</source>
        <translation>Save the village&apos;s sheets (PDF)</translation>
    </message>
    <message>
        <source>Đã lưu {0} trang: {1}</source>
        <translation>{0} pages saved: {1}</translation>
    </message>
    <message>
        <source>Đang in phiếu {0}…</source>
        <translation>Printing the sheets of {0}…</translation>
    </message>
    <message>
        <source>Xuất gói gửi văn phòng</source>
        <translation>Export the bundle for the office</translation>
    </message>
    <message>
        <source>Mật khẩu khóa của máy này:</source>
        <translation>Passphrase of this computer&apos;s key:</translation>
    </message>
    <message>
        <source>Lưu gói dữ liệu</source>
        <translation>Save the data bundle</translation>
    </message>
    <message>
        <source>Gói dữ liệu (*.ngheo)</source>
        <translation>Data bundle (*.ngheo)</translation>
    </message>
    <message>
        <source>Đã xuất gói số {0}: {1}</source>
        <translation>Bundle number {0} exported: {1}</translation>
    </message>
    <message>
        <source>Đang xuất gói dữ liệu…</source>
        <translation>Exporting the data bundle…</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Kết quả tạm tính</source>
        <translation>Provisional result</translation>
    </message>
    <message>
        <source>Chưa có chuẩn áp dụng</source>
        <translation>No standard applies</translation>
    </message>
    <message>
        <source>{0} (chưa chắc chắn)</source>
        <translation>{0} (not certain)</translation>
    </message>
    <message>
        <source>Thu nhập:</source>
        <translation>Income:</translation>
    </message>
    <message>
        <source>Chuẩn nghèo {0}: {1}/người/tháng</source>
        <translation>{0} poverty line: {1}/person/month</translation>
    </message>
    <message>
        <source>Chuẩn áp dụng: {0} (năm rà soát {1}). Thiếu hụt {2} chỉ số, chưa rõ {3}; hộ nghèo khi từ {4} chỉ số.</source>
        <translation>Standard: {0} (year under review {1}). Deprived on {2} indicators, {3} unknown; poor from {4} indicators.</translation>
    </message>
    <message>
        <source>Còn câu trả lời chưa có: {0} chỉ số chưa xác định được.</source>
        <translation>Answers are missing: {0} indicators cannot be decided yet.</translation>
    </message>
    <message>
        <source>✔ đạt · ✘ thiếu hụt · ? chưa rõ · † dựa trên tham số chưa xác minh</source>
        <translation>✔ met · ✘ deprived · ? unknown · † rests on unverified parameters</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Họ tên người rà soát, in trên phiếu</source>
        <translation>Name of the surveyor, printed on the sheet</translation>
    </message>
    <message>
        <source>&amp;Người rà soát:</source>
        <translation>&amp;Surveyor:</translation>
    </message>
    <message>
        <source>Ví dụ: Xã Quỳnh Thắng</source>
        <translation>For example: Xã Quỳnh Thắng</translation>
    </message>
    <message>
        <source>&amp;Xã/phường:</source>
        <translation>&amp;Commune:</translation>
    </message>
    <message>
        <source>&amp;Ngôn ngữ:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>&amp;Chọn…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>&amp;Cơ sở dữ liệu:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>Đổi ngôn ngữ hoặc cơ sở dữ liệu có hiệu lực khi mở lại phần mềm.</source>
        <translation>A new language or database takes effect when the software is opened again.</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Chọn tệp cơ sở dữ liệu</source>
        <translation>Choose the database file</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu (*.sqlite)</source>
        <translation>Database (*.sqlite)</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đang xử lý</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>Đang dừng…</source>
        <translation>Stopping…</translation>
    </message>
</context>
<context>
    <name>VillageTree</name>
    <message>
        <source>Cả xã</source>
        <translation>Whole commune</translation>
    </message>
</context>
</TS>
