/**
 * High-frequency Indonesian words: function words and the general vocabulary of government
 * planning and performance documents (RENSTRA, IKU/IKI, LAKIP). Used as evidence when ranking
 * corrections ("yag" is most likely "yang") and as extra known words. Hand-made, lower case.
 */
const WORDS = `
yang dan di ke dari dengan untuk pada dalam oleh atau serta bagi tentang terhadap kepada antara
sebagai secara melalui sesuai setiap tidak belum sudah telah akan adalah ini itu juga dapat bisa
harus agar supaya karena sehingga maka jika bila apabila namun tetapi hingga sampai sejak selama
per para semua seluruh masing lain lainnya tersebut yaitu yakni adanya atas bawah luar baik buruk
tinggi rendah besar kecil baru lama awal akhir tahun bulan hari minggu waktu tepat cepat lambat
jumlah banyaknya persentase persen rasio tingkat indeks nilai angka rata total target realisasi
capaian kinerja indikator sasaran tujuan program kegiatan sub formulasi formula perhitungan
penjelasan sumber data satuan keterangan uraian catatan laporan pelaporan dokumen dokumentasi
rencana perencanaan penganggaran anggaran keuangan belanja pendapatan biaya dana pembiayaan
administrasi perkantoran kantor kepegawaian pegawai aparatur aparat pejabat jabatan staf
pelaksana pelaksanaan pelayanan layanan masyarakat warga penduduk kependudukan desa kelurahan
kecamatan kabupaten kota provinsi daerah wilayah pemerintah pemerintahan pemerintahan desa camat
lurah bupati walikota gubernur sekretaris sekretariat kepala seksi bagian bidang unit dinas badan
kantor lembaga organisasi instansi perangkat satuan tim kelompok forum panitia
peningkatan meningkatnya meningkatkan meningkat penurunan menurunnya menurunkan pengembangan
pembangunan pembinaan pemberdayaan pengawasan pengendalian pemantauan evaluasi monitoring
koordinasi konsultasi fasilitasi sosialisasi penyuluhan pelatihan pendidikan penyusunan
penyediaan pengadaan pemeliharaan pengelolaan penyelenggaraan penataan penertiban penegakan
penanganan penanggulangan pencegahan perlindungan pemenuhan penerimaan pengeluaran pembayaran
pembelian penggandaan pencetakan pengumpulan pengolahan penyajian penyampaian penerbitan
tersedianya terlaksananya tercapainya terpenuhinya terwujudnya terselenggaranya meningkatnya
berkurangnya ditangani dilaksanakan disusun disediakan diterima dibina dibagi dikali dibanding
dibandingkan terlaksana tersusun tersedia terpenuhi tercapai terealisasi terlayani
kualitas kuantitas kapasitas kompetensi kemampuan keterampilan pengetahuan profesionalisme
disiplin kehadiran kepatuhan kepuasan ketepatan kelancaran ketersediaan kesesuaian keberhasilan
akuntabilitas transparansi efektivitas efisiensi produktivitas aktivitas kreativitas
keamanan ketertiban ketenteraman kenyamanan kebersihan keindahan kesehatan kesejahteraan
keagamaan kebudayaan kepemudaan olahraga pariwisata perekonomian perdagangan pertanian
perikanan peternakan perkebunan kehutanan lingkungan hidup sampah air listrik telepon internet
jalan jembatan drainase irigasi rumah bangunan gedung sarana prasarana fasilitas peralatan
perlengkapan aset barang milik kendaraan komputer mebel meubel meja kursi lemari arsip buku surat menyurat
meterai alat tulis cetakan bahan bacaan makanan minuman pakaian seragam
informasi komunikasi publikasi media teknologi aplikasi sistem jaringan website
rapat musyawarah usulan aspirasi partisipasi peran serta gotong royong swadaya
keluarga anak perempuan wanita pemuda lansia disabilitas miskin kemiskinan bantuan sosial
bencana kebakaran banjir kejadian konflik gangguan pelanggaran peraturan perundangan undangan
hukum keputusan ketentuan kebijakan standar prosedur operasional pedoman petunjuk teknis
mekanisme regulasi izin perizinan rekomendasi sertifikat akta kartu identitas elektronik
penduduk pendataan pendaftaran pencatatan registrasi verifikasi validasi
rencana strategis kerja tahunan jangka menengah panjang pendek
memiliki mempunyai memberikan melaksanakan menyusun menyediakan mengelola membina mengawasi
menyelenggarakan meningkatkan mengembangkan mengoordinasikan memfasilitasi mengikuti mengisi
menyampaikan menerima membuat menetapkan menjaga melakukan mendukung menunjang
dilakukan diberikan diikuti dihadiri diselenggarakan ditetapkan dibuat dilaporkan
benar lengkap sah valid aktif pasif terampil terlatih berprestasi berkualitas
hasil survei penilaian pengukuran pengujian pemeriksaan audit temuan tindak lanjut
umum khusus pokok utama penunjang pendukung teknis fungsional struktural
ekonomi pembangunan pemberdayaan kesejahteraan rakyat ketenteraman
`;

/** The list as a set, lower case. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/**
 * Function words a run-together pair must contain ("dalamperencanaan" → "dalam perencanaan"):
 * joining a preposition or conjunction to the next word is a typing slip, whereas two content
 * words written together are usually a proper name (Sukamaju, Tanjungsari).
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `yang dan dengan untuk pada dalam dari oleh atau serta bagi terhadap kepada antara sebagai
   secara melalui tentang sesuai setiap tidak belum sudah telah akan adalah ini itu juga
   agar supaya karena sehingga hingga sampai selama tanpa`
    .split(/\s+/)
    .filter(Boolean),
);
